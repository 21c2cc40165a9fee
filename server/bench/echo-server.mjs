// Baseline for bench/load.mjs: fastify parsing the same JSON body and
// answering 201, with no validation, storage, CORS or rate limit.
import Fastify from 'fastify';

const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
app.post('/receipts', async (request, reply) => reply.code(201).send({ stored: Array.isArray(request.body) ? request.body.length : 1 }));
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.stdout.write(`listening on port ${app.server.address().port}\n`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
