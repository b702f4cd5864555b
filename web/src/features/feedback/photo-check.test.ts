import { describe, expect, it } from 'vitest';
import { checkPhotos, PHOTO_MAX_BYTES } from './photo-check';

const file = (name: string, type: string, size = 1000) => ({ name, type, size });

describe('checkPhotos', () => {
  it('accepts JPEG, PNG and WebP and refuses other types', () => {
    const result = checkPhotos(
      [],
      [
        file('a.jpg', 'image/jpeg'),
        file('b.png', 'image/png'),
        file('c.webp', 'image/webp'),
        file('d.gif', 'image/gif'),
        file('e.pdf', 'application/pdf'),
      ],
    );
    expect(result.accepted.map((f) => f.name)).toEqual(['a.jpg', 'b.png', 'c.webp']);
    expect(result.refused).toEqual([
      { name: 'd.gif', problem: 'type' },
      { name: 'e.pdf', problem: 'type' },
    ]);
  });

  it('refuses a photo over 10 MB', () => {
    const result = checkPhotos([], [file('big.jpg', 'image/jpeg', PHOTO_MAX_BYTES + 1)]);
    expect(result).toEqual({ accepted: [], refused: [{ name: 'big.jpg', problem: 'size' }] });
  });

  it('keeps at most five, counting those already chosen', () => {
    const already = [1, 2, 3, 4].map((n) => file(`${n}.jpg`, 'image/jpeg'));
    const result = checkPhotos(already, [file('5.jpg', 'image/jpeg'), file('6.jpg', 'image/jpeg')]);
    expect(result.accepted).toHaveLength(5);
    expect(result.refused).toEqual([{ name: '6.jpg', problem: 'count' }]);
  });
});
