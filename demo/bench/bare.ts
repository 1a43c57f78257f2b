// The anchor of the demo's first-load figure: a module of the same build that paints one line.
const line = document.createElement('p');
line.textContent = 'Bare page';
document.body.append(line);
performance.mark('demo:first-widget');
