import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMessageKey, t } from '../../../src/i18n';
import { domainEn, domainTr } from '../../../src/i18n/messages/domain';
import { validationEn, validationTr } from '../../../src/i18n/messages/validation';
import * as v from '../../../src/domain/validators';
import type { ValidationResult } from '../../../src/domain/validation';

const DOMAIN_DIR = join(__dirname, '../../../src/domain');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'forms' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

describe('i18n of domain issue codes', () => {
  it('has a message for every literal validation.* / domain.* code in the domain sources', () => {
    const codes = sourceFiles(DOMAIN_DIR).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/'((?:validation|domain)\.[\w.]+)'/g)].map((m) => m[1] ?? ''),
    );
    expect(codes.length).toBeGreaterThan(20);
    expect(codes.filter((code) => !isMessageKey(code))).toEqual([]);
  });

  it('has a message for the codes built at run time', () => {
    const results: ValidationResult<unknown>[] = [
      v.validateIysCode('x'),
      v.validateIysCode('1'),
      v.validateBrandCode('x'),
      v.validateBrandCode('1'),
    ];
    const codes = results.flatMap((r) => [...(r.ok ? [] : r.errors), ...r.warnings].map((i) => i.code));
    for (const kind of ['phones', 'emails', 'equal', 'aboveAll']) codes.push(`domain.package.reason.${kind}`);
    for (const step of [
      'preApplication',
      'applicationStatus',
      'codes',
      'package',
      'partnerAssignment',
      'panel',
    ]) {
      codes.push(`domain.step.${step}`);
    }
    expect(codes.filter((code) => !isMessageKey(code))).toEqual([]);
  });

  it('uses the same placeholders in Turkish and English', () => {
    const pairs: [Record<string, string>, Record<string, string>][] = [
      [validationTr, validationEn],
      [domainTr, domainEn],
    ];
    for (const [tr, en] of pairs) {
      for (const key of Object.keys(tr)) {
        expect([key, placeholders(en[key] ?? '')]).toEqual([key, placeholders(tr[key] ?? '')]);
      }
    }
  });

  it('renders an issue with its params', () => {
    const result = v.validateSmsSender('ŞEKER');
    const issue = result.ok ? undefined : result.errors[0];
    if (!issue || !isMessageKey(issue.code)) throw new Error('expected a known issue code');
    expect(t('tr', issue.code, issue.params)).toBe(
      'SMS başlığında Türkçe karakter kullanılamaz: Ş. Bu harfleri şöyle değiştirebilirsiniz: Ş → S. Öneri: SEKER',
    );
  });
});
