// Gives a child started with child_process.fork the `process.parentPort` that Electron's utilityProcess has,
// so the bundled backend can be exercised under plain Node.
const listeners = [];
process.parentPort = {
  on: (event, listener) => event === 'message' && listeners.push(listener),
  postMessage: (message) => process.send(message),
};
process.on('message', (data) => listeners.forEach((listener) => listener({ data })));
