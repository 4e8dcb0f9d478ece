import {
  STEP_IDS,
  createCase,
  type Case,
  type CaseData,
  type StepId,
  type StepStatus,
} from '../../../src/domain/case';
import { remindersDueFor } from '../../../src/domain/reminders';

const created = '2025-03-01T09:00:00.000Z';
const moved = '2025-03-03T07:00:00.000Z';

type StepSetup = Partial<Record<StepId, StepStatus | { status: StepStatus; at?: string }>>;

/** A case in a given state; every step set here was last moved at `moved` unless told otherwise. */
function caseWith(steps: StepSetup, data: CaseData = {}): Case {
  const base = createCase({ id: 'c_test', at: created, actor: { kind: 'system', id: 'test' } });
  const next = { ...base.steps };
  for (const [id, setup] of Object.entries(steps)) {
    const { status, at } = typeof setup === 'string' ? { status: setup, at: moved } : setup;
    next[id as StepId] = at === undefined ? { status } : { status, updatedAt: at };
  }
  return { ...base, updatedAt: '2025-03-05T12:00:00.000Z', steps: next, data };
}

const beforePackage: StepSetup = { preApplication: 'done', applicationStatus: 'done', codes: 'done' };

describe('remindersDueFor', () => {
  it('calls for nothing on a new case', () => {
    expect(remindersDueFor(caseWith({}))).toEqual([]);
  });

  it('waits for the İYSKod while the submitted pre-application is under review', () => {
    const c = caseWith({ preApplication: 'waiting' }, { applicationOutcome: 'pending' });
    expect(remindersDueFor(c)).toEqual([{ kind: 'awaiting_iys_code', since: new Date(moved) }]);
  });

  it('waits for the İYSKod after approval until a code is stored, counting from the approval', () => {
    const approvedAt = '2025-03-04T08:00:00.000Z';
    const steps: StepSetup = {
      preApplication: 'done',
      applicationStatus: { status: 'done', at: approvedAt },
      codes: 'in_progress',
    };
    expect(remindersDueFor(caseWith(steps, { applicationOutcome: 'approved' }))).toEqual([
      { kind: 'awaiting_iys_code', since: new Date(approvedAt) },
    ]);
    expect(remindersDueFor(caseWith(steps, { applicationOutcome: 'approved', iysCode: '123456' }))).toEqual(
      [],
    );
    expect(
      remindersDueFor(caseWith({ ...steps, codes: 'done' }, { applicationOutcome: 'approved' })),
    ).toEqual([]);
  });

  it('does not wait for İYS when the application was rejected or sent back for correction', () => {
    expect(
      remindersDueFor(caseWith({ preApplication: 'waiting' }, { applicationOutcome: 'rejected' })),
    ).toEqual([]);
    const correction = caseWith(
      { preApplication: 'in_progress' },
      { applicationOutcome: 'needs_correction' },
    );
    expect(remindersDueFor(correction)).toEqual([]);
  });

  it('falls back to the case’s last change when the step has no timestamp', () => {
    const c = caseWith({ preApplication: { status: 'waiting' } }, { applicationOutcome: 'pending' });
    expect(remindersDueFor(c)).toEqual([
      { kind: 'awaiting_iys_code', since: new Date('2025-03-05T12:00:00Z') },
    ]);
  });

  it('reminds of a bank transfer with an order code while the package waits', () => {
    const data: CaseData = { paymentMethod: 'bank_transfer', orderCode: 'SIP-2025-001' };
    expect(remindersDueFor(caseWith({ ...beforePackage, package: 'waiting' }, data))).toEqual([
      { kind: 'payment_pending', since: new Date(moved) },
    ]);
  });

  it('does not remind of payment by card, without an order code, or once the package is done', () => {
    const waiting = { ...beforePackage, package: 'waiting' } as const;
    expect(remindersDueFor(caseWith(waiting, { paymentMethod: 'card' }))).toEqual([]);
    expect(remindersDueFor(caseWith(waiting, { paymentMethod: 'bank_transfer' }))).toEqual([]);
    const done = caseWith(
      { ...beforePackage, package: 'done', partnerAssignment: 'in_progress' },
      { paymentMethod: 'bank_transfer', orderCode: 'SIP-2025-001' },
    );
    expect(remindersDueFor(done)).toEqual([]);
  });

  it('asks for the partner assignment once the package is active and the step has not begun', () => {
    const activeAt = '2025-03-06T10:00:00.000Z';
    const c = caseWith({ ...beforePackage, package: 'done' }, { packageActiveAt: activeAt });
    expect(remindersDueFor(c)).toEqual([
      { kind: 'awaiting_partner_confirmation', since: new Date(activeAt) },
    ]);
  });

  it('waits for confirmation of a declared assignment, and stops when the step is done', () => {
    const data: CaseData = { packageActiveAt: created, partnerDeclaredAt: moved };
    const declared = caseWith({ ...beforePackage, package: 'done', partnerAssignment: 'waiting' }, data);
    expect(remindersDueFor(declared)).toEqual([
      { kind: 'awaiting_partner_confirmation', since: new Date(moved) },
    ]);
    const confirmed = caseWith({ ...beforePackage, package: 'done', partnerAssignment: 'done' }, data);
    expect(remindersDueFor(confirmed)).toEqual([]);
  });

  it('calls for nothing on a finished case, whatever its data says', () => {
    const all = Object.fromEntries(STEP_IDS.map((id) => [id, 'done'])) as StepSetup;
    const data: CaseData = { applicationOutcome: 'approved', packageActiveAt: created };
    expect(remindersDueFor(caseWith(all, data))).toEqual([]);
  });

  it('never decides form_abandoned itself', () => {
    const busy = caseWith({ preApplication: 'in_progress' }, { tradeTitle: 'Örnek Ticaret A.Ş.' });
    expect(remindersDueFor(busy).map((r) => r.kind)).not.toContain('form_abandoned');
  });
});
