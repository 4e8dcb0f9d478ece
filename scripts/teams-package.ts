import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { zipSync } from 'fflate';

/**
 * `npm run teams:package`: the Teams app package (manifest.json, tr.json, color.png, outline.png) as one
 * zip, ready for "Upload a custom app" or the Teams admin center. The manifest template in deploy/teams/
 * gets the bot's app id, the app version and the developer's details filled in, and the result is
 * validated offline against the JSON schema of its manifest version as shipped in @microsoft/app-manifest
 * (the Microsoft 365 Agents Toolkit's manifest library). Nothing is fetched from the network.
 *
 *   MICROSOFT_APP_ID=<guid> npm run teams:package
 *   npm run teams:package -- --app-id <guid> [--out <dir>] [--app-version 1.2.0] [--env-file deploy/.env]
 *   npm run teams:package -- --draw-icons        # redraws deploy/teams/color.png and outline.png
 */

/** The newest generally available manifest schema the pinned @microsoft/app-manifest ships. */
export const MANIFEST_VERSION = '1.30';

export const TEAMS_DIR = path.resolve(__dirname, '..', 'deploy', 'teams');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NIL_GUID = '00000000-0000-0000-0000-000000000000';
/** Zip entries carry this date so the same inputs give the same bytes. */
const ZIP_DATE = new Date('2026-01-01T00:00:00Z');

/** Shown in the manifest when the developer's details are not configured; Teams displays them. */
export const PLACEHOLDERS = {
  websiteUrl: 'https://entegrator.example/PLACEHOLDER',
  privacyUrl: 'https://entegrator.example/PLACEHOLDER/gizlilik',
  termsOfUseUrl: 'https://entegrator.example/PLACEHOLDER/kullanim-kosullari',
} as const;

export interface PackageOptions {
  /** The Azure Bot's Microsoft App ID (bots[0].botId). */
  readonly appId: string;
  /** The Teams app's own id; defaults to the bot's app id. */
  readonly teamsAppId?: string;
  /** Semver of the app package; Teams wants a higher one for every update. */
  readonly appVersion: string;
  readonly manifestVersion?: string;
  readonly developer: {
    readonly name: string;
    readonly websiteUrl?: string;
    readonly privacyUrl?: string;
    readonly termsOfUseUrl?: string;
  };
  readonly validDomains: readonly string[];
  /** Directory the zip is written to. */
  readonly outDir: string;
  /** Where manifest.json, tr.json and the icons are read from (deploy/teams by default). */
  readonly sourceDir?: string;
}

export interface PackageResult {
  readonly zipPath: string;
  readonly manifest: Record<string, unknown>;
  /** Developer fields still holding placeholders. */
  readonly placeholders: readonly string[];
}

export class PackagingError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The Teams package was not built:\n  - ${problems.join('\n  - ')}`);
    this.name = 'PackagingError';
  }
}

export function buildTeamsPackage(options: PackageOptions): PackageResult {
  const manifestVersion = options.manifestVersion ?? MANIFEST_VERSION;
  const sourceDir = options.sourceDir ?? TEAMS_DIR;
  const problems = optionProblems(options);
  if (problems.length > 0) throw new PackagingError(problems);

  const placeholders = (['websiteUrl', 'privacyUrl', 'termsOfUseUrl'] as const).filter(
    (key) => !options.developer[key],
  );
  const values: Record<string, string> = {
    MANIFEST_VERSION: manifestVersion,
    APP_VERSION: options.appVersion,
    TEAMS_APP_ID: (options.teamsAppId ?? options.appId).toLowerCase(),
    MICROSOFT_APP_ID: options.appId.toLowerCase(),
    DEVELOPER_NAME: options.developer.name,
    DEVELOPER_WEBSITE_URL: options.developer.websiteUrl ?? PLACEHOLDERS.websiteUrl,
    DEVELOPER_PRIVACY_URL: options.developer.privacyUrl ?? PLACEHOLDERS.privacyUrl,
    DEVELOPER_TERMS_URL: options.developer.termsOfUseUrl ?? PLACEHOLDERS.termsOfUseUrl,
  };
  const manifest = fill(readJson(path.join(sourceDir, 'manifest.json')), values) as Record<string, unknown>;
  manifest.validDomains = [...new Set(options.validDomains)];
  const localization = fill(readJson(path.join(sourceDir, 'tr.json')), values) as Record<string, unknown>;
  const color = readFileSync(path.join(sourceDir, 'color.png'));
  const outline = readFileSync(path.join(sourceDir, 'outline.png'));

  const invalid = [
    ...validateManifest(manifest, manifestVersion).map((p) => `manifest.json ${p}`),
    ...validateLocalization(localization, manifestVersion).map((p) => `tr.json ${p}`),
    ...iconProblems(color, outline),
  ];
  if (invalid.length > 0) throw new PackagingError(invalid);

  const zip = zipSync(
    {
      'manifest.json': [jsonBytes(manifest), { mtime: ZIP_DATE }],
      'tr.json': [jsonBytes(localization), { mtime: ZIP_DATE }],
      'color.png': [color, { mtime: ZIP_DATE, level: 0 }],
      'outline.png': [outline, { mtime: ZIP_DATE, level: 0 }],
    },
    { level: 9 },
  );
  mkdirSync(options.outDir, { recursive: true });
  const zipPath = path.join(options.outDir, `iys-onboarding-bot-teams-${options.appVersion}.zip`);
  writeFileSync(zipPath, zip);
  return { zipPath, manifest, placeholders };
}

function optionProblems(options: PackageOptions): string[] {
  const problems: string[] = [];
  const guid = (label: string, value: string | undefined): void => {
    if (value === undefined) return;
    if (!GUID.test(value) || value === NIL_GUID) {
      problems.push(
        `${label}: "${value}" is not the GUID of an app registration (set MICROSOFT_APP_ID or pass --app-id)`,
      );
    }
  };
  if (!options.appId) {
    problems.push(
      'MICROSOFT_APP_ID: the Azure Bot app id is required (set MICROSOFT_APP_ID or pass --app-id <guid>)',
    );
  } else {
    guid('MICROSOFT_APP_ID', options.appId);
  }
  guid('TEAMS_APP_ID', options.teamsAppId);
  if (!/^\d+\.\d+\.\d+$/.test(options.appVersion)) {
    problems.push(`app version: "${options.appVersion}" is not MAJOR.MINOR.PATCH`);
  }
  for (const domain of options.validDomains) {
    if (!/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/i.test(domain)) {
      problems.push(`TEAMS_VALID_DOMAINS: "${domain}" is not a host name (no scheme, no path)`);
    }
  }
  return problems;
}

/** Replaces `{{KEY}}` in every string of a parsed template; a key without a value is an error. */
function fill(value: unknown, values: Record<string, string>): unknown {
  if (typeof value === 'string') {
    return value.replace(/\{\{([A-Z_]+)\}\}/g, (_match, key: string) => {
      const replacement = values[key];
      if (replacement === undefined)
        throw new PackagingError([`template placeholder {{${key}}} has no value`]);
      return replacement;
    });
  }
  if (Array.isArray(value)) return value.map((item) => fill(item, values));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, values)]));
  }
  return value;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

function jsonBytes(value: unknown): Uint8Array {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

// --- Schema validation ---------------------------------------------------------------------------------

/** Folder of @microsoft/app-manifest's bundled Teams schemas (`v1.30/MicrosoftTeams.schema.json`, …). */
export function schemaDir(): string {
  const packageJson = require.resolve('@microsoft/app-manifest/package.json');
  return path.join(path.dirname(packageJson), 'build', 'json-schemas', 'teams');
}

function loadSchema(manifestVersion: string, file: string): Record<string, unknown> {
  const folder = manifestVersion === 'devPreview' ? 'vDevPreview' : `v${manifestVersion}`;
  const schemaFile = path.join(schemaDir(), folder, file);
  if (!existsSync(schemaFile)) {
    throw new PackagingError([
      `no bundled schema for manifest version ${manifestVersion} (${schemaFile}); update @microsoft/app-manifest`,
    ]);
  }
  // The published schemas write \a and \v inside regex strings, which JSON.parse rejects; the manifest
  // library itself rewrites them the same way before compiling.
  const text = readFileSync(schemaFile, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return JSON.parse(text) as Record<string, unknown>;
}

const validators = new Map<string, ReturnType<Ajv['compile']>>();

function validate(document: unknown, manifestVersion: string, file: string): string[] {
  const key = `${manifestVersion}/${file}`;
  let check = validators.get(key);
  if (!check) {
    // Draft-04 like the schemas, with the Agents Toolkit's own options. The localization schema's key
    // patterns (`\[\b…\b]`) are only valid without the `u` flag, so patterns compile as plain ECMAScript.
    const ajv = new Ajv({ allErrors: true, strictTypes: false, strict: false, unicodeRegExp: false });
    addFormats(ajv, ['uri', 'email', 'regex']);
    check = ajv.compile(loadSchema(manifestVersion, file));
    validators.set(key, check);
  }
  if (check(document)) return [];
  return (check.errors ?? []).map((error) => {
    const where = error.instancePath || '(top level)';
    return `${where} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`;
  });
}

/** Problems of a manifest against the bundled schema of `manifestVersion`; empty when it is valid. */
export function validateManifest(manifest: unknown, manifestVersion = MANIFEST_VERSION): string[] {
  return validate(manifest, manifestVersion, 'MicrosoftTeams.schema.json');
}

export function validateLocalization(localization: unknown, manifestVersion = MANIFEST_VERSION): string[] {
  return validate(localization, manifestVersion, 'MicrosoftTeams.Localization.schema.json');
}

// --- Icons: a small PNG reader and writer ---------------------------------------------------------------

export interface Png {
  readonly width: number;
  readonly height: number;
  /** RGBA, row by row. */
  readonly rgba: Uint8Array;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function encodePng({ width, height, rgba }: Png): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter method variants, no interlace
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Reads 8-bit RGB or RGBA, non-interlaced PNGs (what icon tools export); enough to check the icons. */
export function decodePng(file: Uint8Array): Png {
  const bytes = Buffer.from(file);
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG file');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colorType, , , interlace] = data.subarray(8, 13);
      if (depth !== 8 || (colorType !== 6 && colorType !== 2) || interlace !== 0) {
        throw new Error(
          `unsupported PNG (bit depth ${depth}, colour type ${colorType}, interlace ${interlace})`,
        );
      }
      channels = colorType === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const a = x >= channels ? (pixels[y * stride + x - channels] ?? 0) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] ?? 0) : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter ?? 0] ?? 0;
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  if (channels === 4) return { width, height, rgba: pixels };
  const rgba = Buffer.alloc(width * height * 4, 0xff);
  for (let i = 0; i < width * height; i++) pixels.copy(rgba, i * 4, i * 3, i * 3 + 3);
  return { width, height, rgba };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Teams' rules: color 192×192; outline 32×32, white on transparent and nothing else. */
export function iconProblems(color: Uint8Array, outline: Uint8Array): string[] {
  const problems: string[] = [];
  try {
    const png = decodePng(color);
    if (png.width !== 192 || png.height !== 192) {
      problems.push(`color.png: ${png.width}×${png.height}, Teams wants 192×192`);
    }
  } catch (err) {
    problems.push(`color.png: ${(err as Error).message}`);
  }
  try {
    const png = decodePng(outline);
    if (png.width !== 32 || png.height !== 32) {
      problems.push(`outline.png: ${png.width}×${png.height}, Teams wants 32×32`);
    }
    let coloured = 0;
    for (let i = 0; i < png.rgba.length; i += 4) {
      const visible = (png.rgba[i + 3] ?? 0) > 0;
      const white = png.rgba[i] === 255 && png.rgba[i + 1] === 255 && png.rgba[i + 2] === 255;
      if (visible && !white) coloured++;
    }
    if (coloured > 0) problems.push(`outline.png: ${coloured} pixels are neither white nor transparent`);
  } catch (err) {
    problems.push(`outline.png: ${(err as Error).message}`);
  }
  return problems;
}

// --- Drawing the icons -----------------------------------------------------------------------------------
// A speech bubble with a check mark: "the assistant that gets you through". Shapes are signed-distance
// tests sampled 4×4 per pixel, which gives smooth edges without a graphics library.

type Shape = (x: number, y: number) => boolean;

const roundedRect =
  (x0: number, y0: number, x1: number, y1: number, r: number): Shape =>
  (x, y) => {
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
  };

const triangle =
  (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Shape =>
  (x, y) => {
    const s1 = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    const s2 = (cx - bx) * (y - by) - (cy - by) * (x - bx);
    const s3 = (ax - cx) * (y - cy) - (ay - cy) * (x - cx);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  };

/** A polyline of width `w` with round joins. */
const stroke =
  (points: readonly (readonly [number, number])[], w: number): Shape =>
  (x, y) =>
    points.slice(1).some(([bx, by], i) => {
      const [ax, ay] = points[i] ?? [bx, by];
      const vx = bx - ax;
      const vy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
      const dx = x - (ax + t * vx);
      const dy = y - (ay + t * vy);
      return dx * dx + dy * dy <= (w / 2) * (w / 2);
    });

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y);

/** The bubble in a unit square (0..1), with an optional inset for the outline's hole. */
function bubble(inset: number): Shape {
  return union(
    roundedRect(0.12 + inset, 0.16 + inset, 0.88 - inset, 0.72 - inset, 0.14 - inset / 2),
    triangle(0.26 + inset, 0.64, 0.48 - inset, 0.64, 0.24 + inset / 2, 0.88 - inset * 1.6),
  );
}

const CHECK: readonly (readonly [number, number])[] = [
  [0.33, 0.45],
  [0.45, 0.56],
  [0.67, 0.33],
];

function render(
  size: number,
  paint: (x: number, y: number) => readonly [number, number, number, number],
): Png {
  const rgba = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [cr, cg, cb, ca] = paint((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round(a / (n * n));
      }
    }
  }
  return { width: size, height: size, rgba };
}

const ACCENT = [0x1b, 0x5e, 0x9e] as const;

export function drawColorIcon(): Buffer {
  const body = bubble(0);
  const check = stroke(CHECK, 0.085);
  return encodePng(
    render(192, (x, y) => {
      if (check(x, y)) return [...ACCENT, 255];
      if (body(x, y)) return [255, 255, 255, 255];
      return [...ACCENT, 255];
    }),
  );
}

export function drawOutlineIcon(): Buffer {
  const ring = minus(bubble(0), bubble(0.085));
  const mark = union(ring, stroke(CHECK, 0.1));
  return encodePng(render(32, (x, y) => (mark(x, y) ? [255, 255, 255, 255] : [0, 0, 0, 0])));
}

// --- Command line ---------------------------------------------------------------------------------------

function argument(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new PackagingError([`${name} needs a value`]);
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value.trim() : undefined;
}

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).host : undefined;
  } catch {
    return undefined;
  }
}

function main(args: readonly string[]): void {
  const envFile = argument(args, '--env-file');
  if (envFile) process.loadEnvFile(envFile);
  const env = process.env;

  if (args.includes('--draw-icons')) {
    writeFileSync(path.join(TEAMS_DIR, 'color.png'), drawColorIcon());
    writeFileSync(path.join(TEAMS_DIR, 'outline.png'), drawOutlineIcon());
    console.log(`drew ${path.join(TEAMS_DIR, 'color.png')} and outline.png`);
    if (!args.includes('--app-id') && !nonEmpty(env.MICROSOFT_APP_ID)) return;
  }

  const packageJson = readJson(path.resolve(__dirname, '..', 'package.json')) as { version: string };
  const panelHost = hostOf(nonEmpty(env.INTEGRATOR_PANEL_URL) ?? 'https://panel.entegrator.example');
  const validDomains =
    nonEmpty(env.TEAMS_VALID_DOMAINS)
      ?.split(',')
      .map((d) => d.trim())
      .filter(Boolean) ?? [panelHost].filter((d): d is string => Boolean(d));
  const teamsAppId = argument(args, '--teams-app-id') ?? nonEmpty(env.TEAMS_APP_ID);
  const websiteUrl = nonEmpty(env.TEAMS_DEVELOPER_WEBSITE_URL);
  const privacyUrl = nonEmpty(env.TEAMS_DEVELOPER_PRIVACY_URL);
  const termsOfUseUrl = nonEmpty(env.TEAMS_DEVELOPER_TERMS_URL);

  const result = buildTeamsPackage({
    appId: argument(args, '--app-id') ?? nonEmpty(env.MICROSOFT_APP_ID) ?? '',
    ...(teamsAppId ? { teamsAppId } : {}),
    appVersion: argument(args, '--app-version') ?? nonEmpty(env.TEAMS_APP_VERSION) ?? packageJson.version,
    manifestVersion: argument(args, '--manifest-version') ?? MANIFEST_VERSION,
    developer: {
      name: (nonEmpty(env.TEAMS_DEVELOPER_NAME) ?? nonEmpty(env.INTEGRATOR_NAME) ?? 'Örnek Entegratör').slice(
        0,
        32,
      ),
      ...(websiteUrl ? { websiteUrl } : {}),
      ...(privacyUrl ? { privacyUrl } : {}),
      ...(termsOfUseUrl ? { termsOfUseUrl } : {}),
    },
    validDomains,
    outDir: path.resolve(argument(args, '--out') ?? TEAMS_DIR),
  });
  const bot = (result.manifest.bots as { botId: string }[])[0];
  console.log(
    `${result.zipPath}\n  manifest ${String(result.manifest.manifestVersion)} valid against ` +
      `@microsoft/app-manifest's schema; app ${String(result.manifest.id)} version ` +
      `${String(result.manifest.version)}, bot ${bot?.botId ?? '?'}`,
  );
  for (const field of result.placeholders) {
    console.warn(
      `  PLACEHOLDER developer.${field}: set TEAMS_DEVELOPER_${field === 'websiteUrl' ? 'WEBSITE' : field === 'privacyUrl' ? 'PRIVACY' : 'TERMS'}_URL before publishing`,
    );
  }
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    if (err instanceof PackagingError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
