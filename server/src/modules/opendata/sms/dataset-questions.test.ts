import { describe, expect, it } from 'vitest';
import { foldedWords, pickAnswer } from './dataset-questions';
import type { SmsAnswer } from './sms-answers.repo';

const answer = (topic: string): SmsAnswer => ({
  id: topic,
  topic,
  resourceId: '00000000-0000-0000-0000-000000000000',
  matchField: 'phuong',
  valueField: 'gia_tri',
  unit: null,
  label: topic,
  labelEn: null,
});

describe('SMS questions', () => {
  it('folds Vietnamese into plain words', () => {
    expect(foldedWords('Dân số, Hải Châu!')).toEqual(['dan', 'so', 'hai', 'chau']);
    expect(foldedWords('  ĐÀ NẴNG  ')).toEqual(['da', 'nang']);
  });

  it('picks the most specific topic whose words all occur, and keeps the other words', () => {
    const answers = [answer('dan so'), answer('dan so nu'), answer('so ho')];
    expect(pickAnswer(answers, foldedWords('dân số nữ Hải Châu'))).toMatchObject({
      answer: { topic: 'dan so nu' },
      rest: ['hai', 'chau'],
    });
    expect(pickAnswer(answers, foldedWords('Hải Châu dân số'))).toMatchObject({
      answer: { topic: 'dan so' },
      rest: ['hai', 'chau'],
    });
    expect(pickAnswer(answers, foldedWords('bệnh viện'))).toBeUndefined();
  });
});
