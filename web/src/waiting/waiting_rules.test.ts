import { describe, expect, it } from 'vitest';
import { WAITING_ACTIONS, WAITING_STATUSES } from '../api';
import { STATUS_LABELS, actionDoneMessage, entryActions, hoursText, needsReview, placesText } from './waiting_rules';

describe('entryActions', () => {
  it('shows exactly the actions the server allows, in a steady order', () => {
    expect(entryActions(['remove', 'clear', 'mark_urgent']).map((a) => a.label)).toEqual(['Mark urgent', 'Clear for offer', 'Remove from list']);
    expect(entryActions(['decline', 'accept']).map((a) => a.label)).toEqual(['Record acceptance', 'Record decline']);
    expect(entryActions([])).toEqual([]);
  });

  it('leaves out actions it does not know', () => {
    expect(entryActions(['teleport', 'schedule']).map((a) => a.action)).toEqual(['schedule']);
  });

  it('asks for a reason only to mark urgent and to remove', () => {
    expect(entryActions(WAITING_ACTIONS).filter((a) => a.needsReason).map((a) => a.action)).toEqual(['mark_urgent', 'remove']);
  });
});

describe('labels', () => {
  it('names every status', () => {
    expect(WAITING_STATUSES.map((s) => STATUS_LABELS[s])).toEqual(['Waiting', 'Offered', 'Accepted', 'Declined', 'Offer expired', 'Scheduled', 'Removed']);
  });

  it('says what an action did', () => {
    const jane = { given_name: 'Jane', family_name: 'Doe' };
    expect(actionDoneMessage('mark_urgent', jane)).toBe('Jane Doe: marked urgent.');
    expect(actionDoneMessage('remove', jane)).toBe('Removed Jane Doe from the list.');
    expect(actionDoneMessage('decline', jane)).toMatch(/^Jane Doe: decline recorded\./);
  });

  it('counts hours and places', () => {
    expect([hoursText(1), hoursText(48), placesText(1), placesText(0)]).toEqual(['1 hour', '48 hours', '1 place', '0 places']);
  });
});

describe('needsReview', () => {
  it('says so while the entry is still in play and not cleared', () => {
    expect(needsReview({ cleared_for_offer: false, status: 'waiting' })).toBe(true);
    expect(needsReview({ cleared_for_offer: true, status: 'waiting' })).toBe(false);
    expect(needsReview({ cleared_for_offer: false, status: 'removed' })).toBe(false);
    expect(needsReview({ cleared_for_offer: false, status: 'scheduled' })).toBe(false);
  });
});
