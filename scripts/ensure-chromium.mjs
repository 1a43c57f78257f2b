// Makes sure the Chromium the tests drive is present: Debian's /usr/bin/chromium, or CHROMIUM_PATH.
// As root on Debian it installs the package; otherwise it says what to do.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return true;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium is missing: installing Debian\'s chromium package…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    return existsSync(path);
  }
  console.error(`No Chromium at ${path}. Install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
  return false;
}
