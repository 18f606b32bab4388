import { describe, expect, it } from 'vitest';
import { sentenceAround } from '@/lib/text/sentence';

const cut = (text: string, word: string) => {
  const [s, e] = sentenceAround(text, text.indexOf(word));
  return text.slice(s, e);
};

describe('sentenceAround', () => {
  it('finds the Chinese sentence around a name', () => {
    const text = '苏州是制造业城市。苏州工业园区设立了ITBT融合创新中心，推动跨界合作。杭州则不同！';
    expect(cut(text, 'ITBT')).toBe('苏州工业园区设立了ITBT融合创新中心，推动跨界合作。');
    expect(cut(text, '杭州')).toBe('杭州则不同！');
  });

  it('finds an English sentence and stops at a line break', () => {
    const text = 'Intro line\nDeepSeek released a model. Unitree showed a robot dog v2.5 today. End';
    expect(cut(text, 'Unitree')).toBe('Unitree showed a robot dog v2.5 today.');
    expect(cut(text, 'Intro')).toBe('Intro line');
  });
});
