import { describe, expect, it } from 'vitest';
import { verifyProtocol } from '../src/index.js';
import { goodProtocol } from './verifyFixture.js';

describe('recording forms', () => {
  it('reports a recordForm in a state without a form that names no form', () => {
    const p = goodProtocol();
    p.machine.states.travel!.on = { ARRIVED: { target: 'closure', actions: [{ type: 'recordForm' }] } };
    const problem = verifyProtocol(p).find((x) => x.code === 'record-without-form');
    expect(problem?.location).toEqual({
      pointer: '/machine/states/travel/on/ARRIVED/actions/0',
      state: 'travel',
    });
    expect(problem?.hint).toContain('"params": {"form"');
  });

  it('accepts a recordForm that names a form of the protocol', () => {
    const p = goodProtocol();
    p.machine.states.travel!.on = {
      ARRIVED: { target: 'closure', actions: [{ type: 'recordForm', params: { form: 'risk' } }] },
    };
    expect(verifyProtocol(p)).toEqual([]);
  });

  it('reports a recordForm that names a form the protocol does not include', () => {
    const p = goodProtocol();
    p.machine.states.travel!.on = {
      ARRIVED: { target: 'closure', actions: [{ type: 'recordForm', params: { form: 'arival' } }] },
    };
    const problem = verifyProtocol(p).find((x) => x.code === 'unknown-form');
    expect(problem?.location).toEqual({
      pointer: '/machine/states/travel/on/ARRIVED/actions/0/params/form',
      state: 'travel',
      form: 'arival',
    });
  });

  it('reports a machine-level recordForm without a form', () => {
    const p = goodProtocol();
    p.machine.on = { WITHDRAW: { target: '#mini.closure', actions: [{ type: 'recordForm' }] } };
    expect(verifyProtocol(p).find((x) => x.code === 'record-without-form')?.location).toEqual({
      pointer: '/machine/on/WITHDRAW/actions/0',
      state: '',
    });
  });
});
