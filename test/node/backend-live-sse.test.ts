import { expect } from 'chai';
import { createSseParser, SseLineTooLongError, sseMessage } from '../../src/backend/index.ts';

describe('live channel: the server-sent-events parser', () => {
  it('reads what the backend writes', () => {
    const parser = createSseParser();
    expect(parser.push(sseMessage('offer.accepted', '7', { appId: 'bakery' }))).to.deep.equal([
      { event: 'offer.accepted', id: '7', data: '{"appId":"bakery"}' },
    ]);
  });

  it('completes messages split anywhere across chunks, with LF, CRLF or CR line ends', () => {
    const text = 'event: a.b\r\nid: 1\r\ndata: x\r\n\r\nevent: a.b\rid: 2\rdata: y\r\rid: 3\ndata: z\n\n';
    for (let cut = 1; cut < text.length; cut++) {
      const parser = createSseParser();
      const messages = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))];
      expect(messages, `cut at ${cut}`).to.deep.equal([
        { event: 'a.b', id: '1', data: 'x' },
        { event: 'a.b', id: '2', data: 'y' },
        { event: 'message', id: '3', data: 'z' },
      ]);
    }
  });

  it('joins data lines, counts comments, ignores unknown fields and dispatches nothing without data', () => {
    const parser = createSseParser();
    const messages = parser.push(': heartbeat\n\nretry: 10\nfoo: bar\ndata: one\ndata:two\ndata\n\nid: 5\n\n: again\n');
    expect(messages).to.deep.equal([{ event: 'message', data: 'one\ntwo\n' }]);
    expect(parser.comments).to.equal(2);
  });

  it('refuses an unending line instead of buffering it', () => {
    const parser = createSseParser(100);
    parser.push('data: ' + 'x'.repeat(90));
    expect(() => parser.push('x'.repeat(20))).to.throw(SseLineTooLongError);
  });
});
