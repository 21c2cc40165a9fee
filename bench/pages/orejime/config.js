// Orejime 3 with the demo's four categories (bench only).
window.orejimeConfig = {
  privacyPolicyUrl: '/privacy.html',
  cookie: { name: 'orejime', duration: 182 },
  purposes: [
    { id: 'necessary', title: 'Strictly necessary', description: 'Needed for the site to work: security, the contact form and remembering your cookie choice.', isMandatory: true, cookies: ['orejime', 'session'] },
    { id: 'functional', title: 'Functional', description: 'Remembers your display settings, such as larger text.', cookies: ['prefs'] },
    { id: 'analytics', title: 'Analytics and performance', description: 'Tells us how the site is used and how fast it is. Google Analytics, with IP anonymisation.', cookies: ['_ga', /^_ga_/] },
    { id: 'marketing', title: 'Marketing and advertising', description: 'Measures our advertising and shows you relevant adverts on other sites.', cookies: ['_fbp'] },
  ],
};
