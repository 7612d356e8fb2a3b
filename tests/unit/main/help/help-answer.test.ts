import { describe, expect, it } from 'vitest';
import { advanceHelp, answerHelp } from '../../../../main/help/domain/help-answer';
import type { HelpRequest } from '../../../../preload/contract';

const raised: HelpRequest = {
  id: '0192f0e4-6a1b-7c3d-8e4f-5a6b7c8d9e01',
  agentId: 'A0003',
  team: '一组',
  note: null,
  status: 'raised',
  raisedAt: 1_000,
  acknowledgedAt: null,
  resolvedAt: null,
  answeredBy: null,
  callId: null,
  callSince: null,
  callInProgress: false,
  callerMasked: null,
};

describe('a help request’s answers', () => {
  it('acknowledge then resolve, with who and when; nothing after resolved, no second acknowledgement', () => {
    const acknowledged = answerHelp(raised, 'acknowledge', 'L0001', 2_000);
    expect(acknowledged).toMatchObject({ status: 'acknowledged', acknowledgedAt: 2_000, answeredBy: 'L0001' });
    expect(answerHelp(acknowledged as HelpRequest, 'acknowledge', 'L0001', 2_500)).toEqual({ refused: '该求助已确认收到' });
    const resolved = answerHelp(acknowledged as HelpRequest, 'resolve', 'L0001', 3_000) as HelpRequest;
    expect(resolved).toMatchObject({ status: 'resolved', acknowledgedAt: 2_000, resolvedAt: 3_000 });
    expect(answerHelp(resolved, 'resolve', 'L0001', 4_000)).toEqual({ refused: '该求助已处理' });
    // Resolved straight away: it counts as acknowledged at the same moment.
    expect(answerHelp(raised, 'resolve', 'L0002', 5_000)).toMatchObject({ acknowledgedAt: 5_000, resolvedAt: 5_000 });
  });

  it('on the console only ever moves forward: a late or repeated frame changes nothing', () => {
    const acknowledged = answerHelp(raised, 'acknowledge', 'L0001', 2_000) as HelpRequest;
    const resolved = answerHelp(acknowledged, 'resolve', 'L0001', 3_000) as HelpRequest;
    expect(advanceHelp(raised, acknowledged)?.status).toBe('acknowledged');
    expect(advanceHelp(acknowledged, acknowledged)).toBeNull();
    expect(advanceHelp(resolved, acknowledged)).toBeNull();
    expect(advanceHelp(raised, { ...resolved, id: '0192f0e4-6a1b-7c3d-8e4f-5a6b7c8d9e02' })).toBeNull();
    // The note and the call stay the console's own, whatever the frame says.
    expect(advanceHelp({ ...raised, note: '本机' }, { ...resolved, note: '别处' })).toMatchObject({
      note: '本机',
      status: 'resolved',
    });
  });
});
