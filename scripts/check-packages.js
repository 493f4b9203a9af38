// Checks the tarballs `yarn pack` made of the plugin packages, the way a user
// installs them: usage `node scripts/check-packages.js <folder of .tgz files>`.
// Each tarball is unpacked into <folder>/node_modules/<name>, and the check
// fails with one line per problem.
const fs = require('fs');
const path = require('path');
const { builtinModules, createRequire } = require('module');
const { execFileSync } = require('child_process');
const ts = require('typescript');

const repoRoot = path.resolve(__dirname, '..');
const packDir = path.resolve(process.argv[2] ?? '');
const problems = [];

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function listFiles(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const relative = prefix + entry.name;
    return entry.isDirectory()
      ? listFiles(path.join(dir, entry.name), `${relative}/`)
      : [relative];
  });
}

/** The workspace folder of each package name, to compare with its sources. */
function workspaceDirs() {
  const dirs = new Map();
  for (const group of ['plugins', 'packages']) {
    for (const name of fs.readdirSync(path.join(repoRoot, group))) {
      const file = path.join(repoRoot, group, name, 'package.json');
      if (fs.existsSync(file))
        dirs.set(readJson(file).name, path.dirname(file));
    }
  }
  return dirs;
}

function unpack(tarball, nodeModules) {
  const manifest = execFileSync('tar', [
    '-xzOf',
    tarball,
    'package/package.json',
  ]);
  const { name } = JSON.parse(manifest);
  const dir = path.join(nodeModules, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
  return dir;
}

/**
 * Every file path named in an `exports` entry, whatever its conditions; the
 * `backstage` condition names a feature type, not a file.
 */
function exportTargets(entry) {
  if (typeof entry === 'string') return [entry];
  return Object.entries(entry ?? {})
    .filter(([condition]) => condition !== 'backstage')
    .flatMap(([, target]) => exportTargets(target));
}

/** Test code, fixtures and sources belong in the repository, not the tarball. */
const unwantedFile =
  /(^|\/)(src|dev|bench|__testUtils__|__fixtures__|fixtures|__mocks__)\/|\.test\.|setupTests\.|\.tsx?$(?<!\.d\.ts)/;

/** Names a declaration file or API report exports. */
function exportedNames(text) {
  const names = new Set();
  const declared =
    /^export (?:declare )?(?:abstract )?(?:const|let|function|class|type|interface|enum|namespace) (\w+)/gm;
  for (const match of text.matchAll(declared)) names.add(match[1]);
  for (const match of text.matchAll(/^export (?:type )?\{([^}]*)\}/gm)) {
    for (const item of match[1].split(',')) {
      const name = item
        .trim()
        .split(/\s+as\s+/)
        .pop()
        .replace(/^type\s+/, '');
      if (name) names.add(name);
    }
  }
  if (/^export default /m.test(text)) names.add('default');
  return names;
}

/** The packages a built file imports, by their bare specifiers. */
function importedPackages(text) {
  const specifiers =
    /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"./][^'"]*)['"]/g;
  const packages = new Set();
  for (const [, specifier] of text.matchAll(specifiers)) {
    const parts = specifier.split('/');
    packages.add(
      specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0],
    );
  }
  return packages;
}

/** Where TypeScript finds the types of `specifier`, with one resolution mode. */
function resolveTypes(specifier, fromDir, moduleResolution) {
  const options = { moduleResolution, module: ts.ModuleKind.ESNext };
  const { resolvedModule } = ts.resolveModuleName(
    specifier,
    path.join(fromDir, 'index.ts'),
    options,
    ts.sys,
  );
  return resolvedModule?.resolvedFileName;
}

function checkPackage(dir, sourceDir, fromDir) {
  const pkg = readJson(path.join(dir, 'package.json'));
  const files = listFiles(dir);
  const has = file => files.includes(file.replace(/^\.\//, ''));
  const report = message => problems.push(`${pkg.name}: ${message}`);
  const role = pkg.backstage?.role;

  for (const file of files.filter(f => unwantedFile.test(f))) {
    report(`ships ${file}, which is source or test code`);
  }
  if (!files.some(f => f.startsWith('dist/'))) report('has no dist/');

  for (const field of ['main', 'module', 'types']) {
    if (pkg[field] === undefined) continue;
    if (!/^(\.\/)?dist\//.test(pkg[field]) || !has(pkg[field])) {
      report(`"${field}": ${pkg[field]} is not a file in dist/`);
    }
  }
  if (!pkg.types || !has(pkg.types)) report('has no root type declarations');

  // Each entry point: its files exist, and both TypeScript resolutions (the
  // `exports` one and the older `typesVersions` one) find its declarations.
  const subpaths = Object.keys(pkg.exports ?? { '.': pkg.main });
  for (const subpath of subpaths.filter(s => s !== './package.json')) {
    const targets = pkg.exports ? exportTargets(pkg.exports[subpath]) : [];
    for (const target of targets) {
      if (!target.startsWith('./dist/') || !has(target)) {
        report(`exports["${subpath}"] names ${target}, not a file in dist/`);
      }
    }
    const specifier = pkg.name + subpath.slice(1);
    const expected = path.join(
      dir,
      subpath === '.' ? pkg.types : pkg.exports[subpath].types ?? '',
    );
    for (const mode of ['Bundler', 'Node10']) {
      const found = resolveTypes(
        specifier,
        fromDir,
        ts.ModuleResolutionKind[mode],
      );
      if (found !== expected) {
        report(
          `TypeScript (${mode}) resolves the types of ${specifier} to ${
            found ? path.relative(dir, found) : 'nothing'
          }, expected ${path.relative(dir, expected)}`,
        );
      }
    }
    try {
      const resolved = createRequire(path.join(fromDir, 'x.js')).resolve(
        specifier,
      );
      if (!resolved.startsWith(path.join(dir, 'dist'))) {
        report(`${specifier} resolves to ${resolved}, outside dist/`);
      }
    } catch (error) {
      report(`${specifier} does not resolve: ${error.message.split('\n')[0]}`);
    }
    const apiReport = path.join(
      sourceDir,
      subpath === '.' ? 'report.api.md' : `report-${subpath.slice(2)}.api.md`,
    );
    if (fs.existsSync(apiReport) && fs.existsSync(expected)) {
      const shipped = exportedNames(fs.readFileSync(expected, 'utf8'));
      for (const name of exportedNames(fs.readFileSync(apiReport, 'utf8'))) {
        if (!shipped.has(name)) {
          report(
            `${path.relative(
              dir,
              expected,
            )} lacks ${name}, which the API report lists`,
          );
        }
      }
    }
  }

  if (role === 'frontend-plugin' && !pkg.exports?.['./alpha']) {
    report('has no ./alpha export for the new frontend system');
  }
  if (pkg.exports?.['./alpha']) {
    const declared = pkg.typesVersions?.['*']?.alpha ?? [];
    if (
      !declared.includes(pkg.exports['./alpha'].types?.replace(/^\.\//, ''))
    ) {
      report(
        `typesVersions alpha is ${JSON.stringify(
          declared,
        )}, not the ./alpha types`,
      );
    }
  }

  const sections = ['dependencies', 'peerDependencies', 'optionalDependencies'];
  const declaredDeps = new Set(
    sections.flatMap(s => Object.keys(pkg[s] ?? {})),
  );
  for (const section of sections) {
    for (const [dep, range] of Object.entries(pkg[section] ?? {})) {
      if (range.startsWith('workspace:'))
        report(`${section}.${dep} is ${range}`);
    }
  }
  // A built file importing a devDependency breaks in a user's portal.
  const builtins = new Set(builtinModules.flatMap(m => [m, `node:${m}`]));
  for (const file of files.filter(f => /^dist\/.*\.(js|d\.ts)$/.test(f))) {
    for (const dep of importedPackages(
      fs.readFileSync(path.join(dir, file), 'utf8'),
    )) {
      if (!declaredDeps.has(dep) && !builtins.has(dep) && dep !== pkg.name) {
        report(`${file} imports ${dep}, which is not a dependency`);
      }
    }
  }

  if (role === 'backend-plugin') {
    const migrations = fs.existsSync(path.join(sourceDir, 'migrations'))
      ? fs.readdirSync(path.join(sourceDir, 'migrations'))
      : [];
    for (const migration of migrations.filter(m => !unwantedFile.test(m))) {
      if (!has(`migrations/${migration}`))
        report(`lacks migrations/${migration}`);
    }
    // prepack compiles config.d.ts into the JSON schema the config loader reads.
    if (fs.existsSync(path.join(sourceDir, 'config.d.ts'))) {
      const schemaFile = pkg.configSchema;
      const schema =
        typeof schemaFile === 'string' && has(schemaFile)
          ? readJson(path.join(dir, schemaFile))
          : undefined;
      if (!schema?.properties?.[pkg.backstage.pluginId]) {
        report(
          `configSchema ${schemaFile} does not describe the config of config.d.ts`,
        );
      }
    }
  }
}

const tarballs = fs.existsSync(packDir)
  ? fs.readdirSync(packDir).filter(f => f.endsWith('.tgz'))
  : [];
if (tarballs.length === 0) {
  console.error(`No .tgz files in ${packDir}`);
  process.exit(1);
}
const sources = workspaceDirs();
for (const tarball of tarballs) {
  const dir = unpack(
    path.join(packDir, tarball),
    path.join(packDir, 'node_modules'),
  );
  const name = readJson(path.join(dir, 'package.json')).name;
  checkPackage(dir, sources.get(name), packDir);
  console.log(`checked ${name} (${tarball})`);
}
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s) in the packed packages:`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log('The packed packages have what a user needs.');
