/** A 4xx error that names the request field at fault; the app's error handler formats it. */
export class RequestError extends Error {
  constructor(
    readonly statusCode: number,
    readonly error: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}
