/**
 * Whether the manifest's icon is really an image: its first bytes match its extension (PNG
 * signature, RIFF…WEBP, an `<svg>` root), and the browser decodes it.
 */
export interface IconVerdict {
  ok: boolean;
  detail: string;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((byte, index) => bytes[at + index] === byte);
}

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

function decodes(blob: Blob): Promise<boolean> {
  const url = URL.createObjectURL(blob);
  const image = new Image();
  image.src = url;
  return image.decode().then(
    () => image.naturalWidth > 0 && image.naturalHeight > 0,
    () => false,
  ).finally(() => URL.revokeObjectURL(url));
}

export async function checkIcon(path: string | undefined, bytes: ArrayBuffer | undefined): Promise<IconVerdict> {
  if (path === undefined) return { ok: false, detail: 'The manifest names no icon' };
  if (bytes === undefined) return { ok: false, detail: `${path} is not in the build` };
  const data = new Uint8Array(bytes);
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  let type: string;
  if (extension === 'png') {
    if (!startsWith(data, PNG)) return { ok: false, detail: `${path} does not start with the PNG signature` };
    type = 'image/png';
  } else if (extension === 'webp') {
    if (!startsWith(data, ascii('RIFF')) || !startsWith(data, ascii('WEBP'), 8)) return { ok: false, detail: `${path} is not a RIFF/WEBP file` };
    type = 'image/webp';
  } else if (extension === 'svg') {
    const root = new DOMParser().parseFromString(new TextDecoder().decode(data), 'image/svg+xml').documentElement;
    if (root.localName !== 'svg' || root.namespaceURI !== 'http://www.w3.org/2000/svg') return { ok: false, detail: `${path} is not an SVG document` };
    type = 'image/svg+xml';
  } else {
    return { ok: false, detail: `${path}: an icon is a .png, .svg or .webp file` };
  }
  if (!(await decodes(new Blob([data], { type })))) return { ok: false, detail: `${path} could not be decoded as an image` };
  return { ok: true, detail: `${path} (${type}, ${data.byteLength} bytes)` };
}
