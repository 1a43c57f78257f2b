// Boot benchmark anchor: a bare page whose only job is to post its first message to the parent.
parent.postMessage({ bench: 'bare-ready' }, '*');
