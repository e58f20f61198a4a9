import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldNameOf, indicatorIdOf, METADATA_FIELDS } from '../../src/core/field-names.js';

describe('XLSForm field names for indicator ids', () => {
  it('maps plain ids readably and escapes the rest', () => {
    expect(fieldNameOf('integration.joint-planning')).toBe('integration__joint_planning');
    expect(fieldNameOf('self-reliance.non-blm-funding')).toBe('self_reliance__non_blm_funding');
    expect(fieldNameOf('a1')).toBe('a1');
    expect(fieldNameOf('1st.step')).toBe('X1st_Dstep');
    expect(fieldNameOf('a_b')).toBe('Xa_Ub');
    expect(fieldNameOf('a..b')).toBe('Xa_D_Db');
    expect(fieldNameOf('a-.b')).toBe('Xa_H_Db');
    // A plain id whose name is one of the form's own questions is escaped too.
    expect(fieldNameOf('period')).toBe('Xperiod');
    expect(fieldNameOf('community-id')).toBe('Xcommunity_Hid');
  });

  it('reads names back to ids, and nothing else', () => {
    expect(indicatorIdOf('integration__joint_planning')).toBe('integration.joint-planning');
    expect(indicatorIdOf('Xa_D_Db')).toBe('a..b');
    expect(indicatorIdOf(METADATA_FIELDS.period)).toBeUndefined();
    expect(indicatorIdOf('community_id')).toBeUndefined();
    expect(indicatorIdOf('a___note')).toBeUndefined();
    // An escaped spelling of a plain id is not a name the form uses.
    expect(indicatorIdOf('Xa_Db')).toBeUndefined();
    expect(indicatorIdOf('_uuid')).toBeUndefined();
  });

  it('is reversible and gives XML names without "-" or "." for every id the rubric schema allows', () => {
    const id = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/);
    fc.assert(
      fc.property(id, (value) => {
        const name = fieldNameOf(value);
        expect(name).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
        expect(name).not.toContain('___');
        expect(indicatorIdOf(name)).toBe(value);
      }),
      { numRuns: 2000, seed: 17 },
    );
  });
});
