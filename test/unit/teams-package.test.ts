import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { parseAllDocuments } from 'yaml';
import {
  MANIFEST_VERSION,
  PackagingError,
  buildTeamsPackage,
  decodePng,
  drawColorIcon,
  drawOutlineIcon,
  iconProblems,
  validateLocalization,
  validateManifest,
  type PackageOptions,
} from '../../scripts/teams-package';

const APP_ID = '3f2b6c1e-8a4d-4e7b-9c0a-1d2e3f4a5b6c';

describe('npm run teams:package', () => {
  let outDir: string;
  beforeEach(() => {
    outDir = mkdtempSync(path.join(tmpdir(), 'teams-package-'));
  });
  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  const options = (overrides: Partial<PackageOptions> = {}): PackageOptions => ({
    appId: APP_ID,
    appVersion: '1.4.0',
    developer: { name: 'Örnek Entegratör' },
    validDomains: ['panel.entegrator.example'],
    outDir,
    ...overrides,
  });

  const unzip = (zipPath: string): Record<string, Uint8Array> => unzipSync(readFileSync(zipPath));
  const json = (bytes: Uint8Array | undefined): Record<string, unknown> =>
    JSON.parse(Buffer.from(bytes ?? []).toString('utf8')) as Record<string, unknown>;

  it('zips a manifest that validates against the bundled schema, with the bot id, tr.json and both icons', () => {
    const { zipPath } = buildTeamsPackage(options());

    const files = unzip(zipPath);
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png', 'tr.json']);
    const manifest = json(files['manifest.json']);
    expect(validateManifest(manifest)).toEqual([]);
    expect(validateLocalization(json(files['tr.json']))).toEqual([]);
    expect(manifest).toMatchObject({
      manifestVersion: MANIFEST_VERSION,
      version: '1.4.0',
      id: APP_ID,
      validDomains: ['panel.entegrator.example'],
      localizationInfo: {
        defaultLanguageTag: 'en',
        additionalLanguages: [{ languageTag: 'tr', file: 'tr.json' }],
      },
      bots: [{ botId: APP_ID, scopes: ['personal', 'team'], supportsFiles: false }],
    });
    const bot = (manifest.bots as { commandLists: { commands: { title: string }[] }[] }[])[0];
    expect(bot?.commandLists[0]?.commands.map((c) => c.title)).toEqual(
      expect.arrayContaining(['help', 'status', 'agent']),
    );
    expect(bot?.commandLists[1]?.commands.map((c) => c.title)).toEqual(['/destek-kanali']);
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{/);

    const color = decodePng(files['color.png'] ?? new Uint8Array());
    const outline = decodePng(files['outline.png'] ?? new Uint8Array());
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(
      iconProblems(files['color.png'] ?? new Uint8Array(), files['outline.png'] ?? new Uint8Array()),
    ).toEqual([]);
  });

  it('localizes the command titles to the words the Turkish dialogs understand', () => {
    const files = unzip(buildTeamsPackage(options()).zipPath);
    const tr = json(files['tr.json']);
    expect(tr['bots[0].commandLists[0].commands[0].title']).toBe('yardım');
    expect(tr['bots[0].commandLists[0].commands[5].title']).toBe('temsilci');
    expect(tr['name.short']).toBe('İYS Başvuru Asistanı');
  });

  it('uses placeholders for missing developer URLs and says so', () => {
    const result = buildTeamsPackage(
      options({ developer: { name: 'X', privacyUrl: 'https://x.example/p' } }),
    );
    expect(result.placeholders).toEqual(['websiteUrl', 'termsOfUseUrl']);
    expect(result.manifest.developer).toMatchObject({
      privacyUrl: 'https://x.example/p',
      websiteUrl: expect.stringContaining('PLACEHOLDER'),
    });
  });

  it.each([
    ['no app id', ''],
    ['not a GUID', 'my-bot'],
    ['the nil GUID', '00000000-0000-0000-0000-000000000000'],
  ])('refuses to package with %s and writes nothing', (_label, appId) => {
    expect(() => buildTeamsPackage(options({ appId }))).toThrow(PackagingError);
    expect(() => buildTeamsPackage(options({ appId }))).toThrow(/MICROSOFT_APP_ID/);
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('refuses a version Teams would not accept and a domain with a scheme', () => {
    expect(() => buildTeamsPackage(options({ appVersion: 'v2' }))).toThrow(/MAJOR\.MINOR\.PATCH/);
    expect(() => buildTeamsPackage(options({ validDomains: ['https://x.example/'] }))).toThrow(
      /TEAMS_VALID_DOMAINS/,
    );
  });

  it('reports schema violations readably, with the path of the offending field', () => {
    const manifest = buildTeamsPackage(options()).manifest;
    const broken = { ...manifest, name: { short: 'x'.repeat(31) }, accentColor: 'blue' };
    const problems = validateManifest(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/name\/short must NOT have more than 30 characters/),
        expect.stringMatching(/^\/accentColor /),
      ]),
    );
  });

  it('also validates as an older generally available manifest version', () => {
    const { manifest } = buildTeamsPackage(options({ manifestVersion: '1.22' }));
    expect(manifest.manifestVersion).toBe('1.22');
    expect(validateManifest(manifest, '1.22')).toEqual([]);
  });

  it('builds the same bytes from the same inputs', () => {
    const first = readFileSync(buildTeamsPackage(options()).zipPath);
    const second = readFileSync(buildTeamsPackage(options()).zipPath);
    expect(second.equals(first)).toBe(true);
  });

  it('draws icons that pass the checks, outline white on transparent', () => {
    const color = drawColorIcon();
    expect(iconProblems(color, drawOutlineIcon())).toEqual([]);
    // The colour icon in the outline's place: wrong size and not white.
    expect(iconProblems(color, color)).toEqual([
      expect.stringMatching(/^outline\.png: 192×192/),
      expect.stringMatching(/neither white nor transparent/),
    ]);
  });
});

describe('deploy/ YAML', () => {
  const deployDir = path.resolve(__dirname, '..', '..', 'deploy');
  const files = [
    path.join(deployDir, 'docker-compose.yml'),
    ...readdirSync(path.join(deployDir, 'k8s'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => path.join(deployDir, 'k8s', f)),
  ];

  it.each(files.map((f) => [path.relative(deployDir, f), f]))('%s parses', (_name, file) => {
    const docs = parseAllDocuments(readFileSync(file, 'utf8'));
    for (const doc of docs) expect(doc.errors).toEqual([]);
    expect(docs.length).toBeGreaterThan(0);
  });

  it('has web with /readyz and /healthz probes, a worker, a Service, a Secret without values and an HPA', () => {
    const kinds = files
      .filter((f) => f.includes('k8s'))
      .flatMap((f) =>
        parseAllDocuments(readFileSync(f, 'utf8')).map((d) => d.toJS() as Record<string, unknown>),
      );
    const byName = (kind: string, name: string) =>
      kinds.find((d) => d.kind === kind && (d.metadata as { name: string }).name === name) as
        Record<string, never> | undefined;
    const web = byName('Deployment', 'iys-onboarding-web');
    const container = web?.spec?.['template']?.['spec']?.['containers']?.[0] as
      Record<string, never> | undefined;
    expect(container?.['readinessProbe']).toMatchObject({ httpGet: { path: '/readyz' } });
    expect(container?.['livenessProbe']).toMatchObject({ httpGet: { path: '/healthz' } });
    expect(container?.['env']).toEqual([{ name: 'ROLE', value: 'web' }]);
    const worker = byName('Deployment', 'iys-onboarding-worker');
    expect(JSON.stringify(worker)).toContain('"value":"worker"');
    expect(byName('Service', 'iys-onboarding-web')).toBeDefined();
    expect(byName('HorizontalPodAutoscaler', 'iys-onboarding-web')).toBeDefined();
    const secret = byName('Secret', 'iys-onboarding-bot') as
      { stringData: Record<string, string> } | undefined;
    for (const value of Object.values(secret?.stringData ?? {})) expect(value).toMatch(/^$|CHANGE_ME/);
    expect(existsSync(path.join(deployDir, 'k8s', 'kustomization.yaml'))).toBe(true);
  });

  it('runs compose as web + worker on a Redis with AOF and noeviction', () => {
    const compose = parseAllDocuments(readFileSync(files[0] ?? '', 'utf8'))[0]?.toJS() as {
      services: Record<string, { environment?: Record<string, string>; command?: string[] }>;
    };
    expect(compose.services['web']?.environment?.['ROLE']).toBe('web');
    expect(compose.services['worker']?.environment?.['ROLE']).toBe('worker');
    expect(compose.services['redis']?.command).toEqual(
      expect.arrayContaining(['--appendonly', 'yes', '--maxmemory-policy', 'noeviction']),
    );
  });
});
