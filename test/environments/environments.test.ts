import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../checks/config/load-config.js';
import { defaultConfig } from '../../checks/config/schema.js';
import { createClassifier, inferEnvironments, isProductionName, manifestNamespaces, resolveEnvironments } from '../../checks/environments/environments.js';
import { DECLARED_CONFIG } from './fixtures.js';

const names = (envs: { name: string }[]) => envs.map((env) => env.name);
/** The inferred environments of a file list, as [name, paths]. */
const inferredPaths = (files: string[]) => resolveEnvironments(defaultConfig(), files).environments.map((env) => [env.name, env.paths]);

describe('resolveEnvironments with a declaration', () => {
  it('takes the declared environments as they are, production by name', () => {
    const model = resolveEnvironments(parseConfig(DECLARED_CONFIG), ['envs/qa/main.tf']);
    expect(model.environments.map(({ name, production, source }) => ({ name, production, source }))).toEqual([
      { name: 'production', production: true, source: 'declared' },
      { name: 'staging', production: false, source: 'declared' },
      { name: 'dev', production: false, source: 'declared' },
    ]);
    expect(model.notes).toEqual([]);
  });

  it('notes when no declared environment is production', () => {
    const model = resolveEnvironments(parseConfig('environments:\n  blue: { paths: ["blue/**"] }\n  green: { paths: ["green/**"] }\n'), []);
    expect(model.notes).toEqual([expect.stringContaining('no declared environment is named prod')]);
  });
});

describe('resolveEnvironments by inference', () => {
  const files = [
    'infra/envs/prod/main.tf',
    'infra/envs/staging/main.tf',
    'infra/envs/modules/vpc/main.tf',
    'environments/dev/main.tf',
    'k8s/overlays/production/kustomization.yaml',
    'k8s/overlays/stg/kustomization.yaml',
    'k8s/base/deployment.yaml',
    'tfvars/qa.tfvars',
    'tfvars/prd.auto.tfvars',
    'terraform.tfvars',
  ];

  it('finds envs/, environments/, overlays/ and <name>.tfvars, merging spellings of one environment', () => {
    const model = resolveEnvironments(defaultConfig(), files);
    expect(
      model.environments.map(({ name, production, paths, identifiers, source }) => ({ name, production, paths, namespaces: identifiers.namespaces, source })),
    ).toEqual([
      { name: 'development', production: false, paths: ['environments/dev/**'], namespaces: ['dev'], source: 'inferred' },
      {
        name: 'production',
        production: true,
        paths: ['infra/envs/prod/**', 'k8s/overlays/production/**', 'tfvars/prd.auto.tfvars'],
        namespaces: ['prd', 'prod', 'production'],
        source: 'inferred',
      },
      { name: 'qa', production: false, paths: ['tfvars/qa.tfvars'], namespaces: ['qa'], source: 'inferred' },
      { name: 'staging', production: false, paths: ['infra/envs/staging/**', 'k8s/overlays/stg/**'], namespaces: ['staging', 'stg'], source: 'inferred' },
    ]);
  });

  it('takes a folder named like an environment anywhere, the outermost one, unless envs/ or overlays/ already placed the file', () => {
    expect(
      inferredPaths([
        'terraform/prod/main.tf',
        'terraform/prod/eu/dev/notes.tf',
        'clusters/staging/apps.yaml',
        'envs/customer-a/prod/main.tf',
        'test/fixtures/main.tf',
      ]),
    ).toEqual([
      ['customer-a', ['envs/customer-a/**']],
      ['production', ['terraform/prod/**']],
      ['staging', ['clusters/staging/**']],
    ]);
  });

  it('takes a tfvars file as an environment only when its name reads like one and no folder claims it', () => {
    const files = ['envs/prod/main.tf', 'envs/prod/prod.tfvars', 'envs/prod/access_context.auto.tfvars', 'network/access_context.auto.tfvars'];
    expect(inferredPaths([...files, 'terraform.example.tfvars', 'vars/staging-eu.tfvars', 'vars/qa2.tfvars', 'vars/prod.tfvars'])).toEqual([
      ['production', ['envs/prod/**', 'vars/prod.tfvars']],
      ['qa2', ['vars/qa2.tfvars']],
      ['staging-eu', ['vars/staging-eu.tfvars']],
    ]);
  });

  it('says in the notes what it inferred', () => {
    const [note] = resolveEnvironments(defaultConfig(), files).notes;
    expect(note).toContain('none declared in the config; inferred from the layout');
    expect(note).toContain('production (production) = infra/envs/prod/**, k8s/overlays/production/**, tfvars/prd.auto.tfvars');
  });

  it('says so when the layout shows no environment', () => {
    const model = resolveEnvironments(defaultConfig(), ['main.tf', 'k8s/base/deploy.yaml']);
    expect(model.environments).toEqual([]);
    expect(model.notes).toEqual([expect.stringContaining('none declared in the config and none found in the layout')]);
  });

  it('escapes glob characters of folder names so a path matches only itself', () => {
    const model = resolveEnvironments(defaultConfig(), ['envs/prod[1]/main.tf', 'envs/dev/main.tf']);
    const classify = createClassifier(model);
    expect(names(classify('envs/prod[1]/main.tf'))).toEqual(['prod[1]']);
    expect(names(classify('envs/prod1/main.tf'))).toEqual([]);
  });
});

describe('inference by namespace', () => {
  it('places a manifest whose objects all live in one environment namespace', () => {
    const model = inferEnvironments(
      ['envs/prod/main.tf'],
      [
        { path: 'k8s/api.yaml', namespaces: ['production'] },
        { path: 'k8s/worker.yaml', namespaces: ['qa'] },
        { path: 'k8s/mixed.yaml', namespaces: ['prod', 'staging'] },
        { path: 'k8s/payments.yaml', namespaces: ['payments'] },
      ],
    );
    expect(model.environments.map((env) => [env.name, env.paths])).toEqual([
      ['production', ['envs/prod/**', 'k8s/api.yaml']],
      ['qa', ['k8s/worker.yaml']],
    ]);
  });

  it('reads namespaces from Kubernetes manifests only', () => {
    expect(
      manifestNamespaces('kind: Deployment\nmetadata:\n  name: api\n  namespace: "Prod" # live\n---\nkind: Service\nmetadata:\n  namespace: prod\n'),
    ).toEqual(['prod']);
    expect(manifestNamespaces('settings:\n  namespace: prod\n')).toEqual([]);
  });
});

describe('createClassifier', () => {
  it('puts a path in every environment whose globs match it: none, one or several', () => {
    const config = parseConfig('environments:\n  production: { paths: ["infra/**"] }\n  staging: { paths: ["infra/staging/**"] }\n');
    const classify = createClassifier(resolveEnvironments(config, []));
    expect(names(classify('infra/prod/main.tf'))).toEqual(['production']);
    expect(names(classify('infra/staging/main.tf'))).toEqual(['production', 'staging']);
    expect(names(classify('docs/readme.md'))).toEqual([]);
  });

  it('matches dot files too', () => {
    const classify = createClassifier(resolveEnvironments(parseConfig('environments:\n  prod: { paths: ["prod/**"] }\n'), []));
    expect(names(classify('prod/.env'))).toEqual(['prod']);
  });
});

describe('isProductionName', () => {
  it.each([
    ['prod', true],
    ['Production', true],
    ['prd', true],
    ['prod-eu', true],
    ['us_prd', true],
    ['preprod', false],
    ['staging', false],
    ['product', false],
  ])('%s → %s', (name, production) => {
    expect(isProductionName(name)).toBe(production);
  });
});
