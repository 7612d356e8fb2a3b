// Preloaded into Electronegativity: it fetches translations from the internet on every start (with
// `got`, whose retry after a failed request crashes under Node 24). The English texts ship with it,
// so `got` is answered with a refusal and the tool never leaves this machine.
const Module = require('node:module');

const load = Module._load;
Module._load = function loadWithoutNetwork(request, parent, isMain) {
  if (request === 'got' && parent && parent.filename.includes('electronegativity'))
    return () => Promise.reject(new Error('no network: Electronegativity runs offline'));
  return load.call(this, request, parent, isMain);
};
