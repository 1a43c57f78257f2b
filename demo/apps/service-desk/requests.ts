/**
 * The service desk's requests and where it keeps them: the host's key–value storage (values of at
 * most 4,096 characters), one key per request plus an index, and an attachment's bytes in base64
 * chunks of 3 KiB, so a request survives a reload and follows the resident to another device.
 */

export const TOPICS = ['plumbing', 'electricity', 'lift', 'cleaning', 'other'] as const;
export type Topic = (typeof TOPICS)[number];

/** An attachment is kept by the host with the request: small files only. */
export const MAX_ATTACHMENT_BYTES = 64 * 1024;
export const MAX_REQUESTS = 20;
export const DESCRIPTION_LIMITS = { min: 10, max: 1000 } as const;
const CHUNK_BYTES = 3 * 1024;

export interface AttachmentInfo {
  name: string;
  type: string;
  size: number;
  chunks: number;
}

export interface ServiceRequest {
  id: string;
  /** Shown to the resident and the staff: SD-<number>. */
  number: number;
  topic: Topic;
  premises: string;
  description: string;
  createdAt: number;
  status: string;
  attachment?: AttachmentInfo;
}

/** A form field the resident must correct; `field` names it, `reason` says why. */
export class RequestFormError extends Error {
  constructor(
    readonly field: 'topic' | 'description' | 'attachment' | 'history',
    readonly reason: 'missing' | 'too-short' | 'too-long' | 'too-large' | 'full',
    message: string,
  ) {
    super(message);
    this.name = 'RequestFormError';
  }
}

/** The narrow part of the SDK's storage the desk uses (the host's storage.* methods). */
export interface RequestStorage {
  get(key: string): Promise<string | null>;
  getMany(keys: string[]): Promise<Record<string, string | null>>;
  set(key: string, value: string): Promise<void>;
  remove(...keys: string[]): Promise<void>;
}

const INDEX_KEY = 'requests';
const requestKey = (id: string) => `request:${id}`;
const chunkKey = (id: string, index: number) => `attachment:${id}:${index}`;

export function validateRequest(input: { topic: string; description: string; file?: { size: number } | undefined }): { topic: Topic; description: string } {
  if (!(TOPICS as readonly string[]).includes(input.topic)) throw new RequestFormError('topic', 'missing', `Choose a topic: ${TOPICS.join(', ')}`);
  const description = input.description.trim();
  if (description.length < DESCRIPTION_LIMITS.min) throw new RequestFormError('description', 'too-short', `Describe the problem in at least ${DESCRIPTION_LIMITS.min} characters`);
  if ([...description].length > DESCRIPTION_LIMITS.max) throw new RequestFormError('description', 'too-long', `Keep the description within ${DESCRIPTION_LIMITS.max} characters`);
  if (input.file && input.file.size > MAX_ATTACHMENT_BYTES) {
    throw new RequestFormError('attachment', 'too-large', `The file has ${input.file.size} bytes; attach at most ${MAX_ATTACHMENT_BYTES} (a screenshot or a compressed photo)`);
  }
  return { topic: input.topic as Topic, description };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** The requests in the host's storage, newest first; a missing or unreadable entry is skipped. */
export async function loadRequests(storage: RequestStorage): Promise<ServiceRequest[]> {
  const index = await storage.get(INDEX_KEY);
  const ids = index ? (JSON.parse(index) as string[]) : [];
  if (ids.length === 0) return [];
  const values = await storage.getMany(ids.map(requestKey));
  return ids.flatMap((id) => {
    const value = values[requestKey(id)];
    if (!value) return [];
    try {
      return [JSON.parse(value) as ServiceRequest];
    } catch {
      return [];
    }
  });
}

/** Saves a new request (and its file's bytes) and puts it first in the index. */
export async function saveRequest(storage: RequestStorage, existing: readonly ServiceRequest[], request: Omit<ServiceRequest, 'attachment'>, file?: File): Promise<ServiceRequest> {
  if (existing.length >= MAX_REQUESTS) throw new RequestFormError('history', 'full', `The history holds ${MAX_REQUESTS} requests: remove an old one first`);
  let saved: ServiceRequest = { ...request };
  if (file) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const chunks = Math.ceil(bytes.length / CHUNK_BYTES);
    for (let index = 0; index < chunks; index++) {
      await storage.set(chunkKey(request.id, index), toBase64(bytes.subarray(index * CHUNK_BYTES, (index + 1) * CHUNK_BYTES)));
    }
    saved = { ...saved, attachment: { name: file.name.slice(0, 120), type: file.type.slice(0, 100), size: bytes.length, chunks } };
  }
  await storage.set(requestKey(request.id), JSON.stringify(saved));
  await storage.set(INDEX_KEY, JSON.stringify([request.id, ...existing.map((each) => each.id)]));
  return saved;
}

/** Removes a request with its file's chunks. */
export async function removeRequest(storage: RequestStorage, existing: readonly ServiceRequest[], request: ServiceRequest): Promise<ServiceRequest[]> {
  const rest = existing.filter((each) => each.id !== request.id);
  await storage.set(INDEX_KEY, JSON.stringify(rest.map((each) => each.id)));
  const chunks = Array.from({ length: request.attachment?.chunks ?? 0 }, (_, index) => chunkKey(request.id, index));
  await storage.remove(requestKey(request.id), ...chunks);
  return rest;
}

/** The attachment's bytes, read back from its chunks. */
export async function loadAttachment(storage: RequestStorage, request: ServiceRequest): Promise<Blob> {
  const info = request.attachment;
  if (!info) throw new Error(`Request ${request.number} has no attachment`);
  const keys = Array.from({ length: info.chunks }, (_, index) => chunkKey(request.id, index));
  const values = await storage.getMany(keys);
  const parts = keys.map((key) => {
    const value = values[key];
    if (!value) throw new Error(`A part of ${info.name} is missing from the storage`);
    return fromBase64(value);
  });
  return new Blob(parts, { type: info.type || 'application/octet-stream' });
}
