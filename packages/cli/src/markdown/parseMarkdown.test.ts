import { parseMarkdown } from './parseMarkdown';
import type { MarkdownSection } from './types';

const titles = (s: MarkdownSection): string[] =>
  s.children.flatMap(c => [`${c.level}:${c.title}`, ...titles(c)]);

describe('parseMarkdown', () => {
  it('builds the section tree from ATX and setext headings', () => {
    const root = parseMarkdown(
      [
        'Manual',
        '======',
        'intro',
        '',
        '## 1. 日常運用',
        '### 1.1 **サービス** 状態確認 ##',
        'Setext two',
        '----------',
        '#### deep',
        '# top again',
      ].join('\n'),
    );
    expect(titles(root)).toEqual([
      '1:Manual',
      '2:1. 日常運用',
      '3:1.1 サービス 状態確認',
      '2:Setext two',
      '4:deep',
      '1:top again',
    ]);
    expect(root.children[0].blocks).toEqual([
      expect.objectContaining({ type: 'text', text: 'intro' }),
    ]);
  });

  it('ignores headings inside ``` and ~~~ fences and keeps the language', () => {
    const root = parseMarkdown(
      [
        '## Template',
        '~~~markdown title="x"',
        '## メンテナンス通知',
        '~~~',
        '```bash',
        '# 1. サービスの停止',
        'docker compose stop',
        '```',
        '```',
        'plain',
        '```',
      ].join('\n'),
    );
    expect(titles(root)).toEqual(['2:Template']);
    const blocks = root.children[0].blocks;
    expect(blocks).toEqual([
      expect.objectContaining({
        type: 'code',
        language: 'markdown',
        info: 'markdown title="x"',
        code: '## メンテナンス通知',
      }),
      expect.objectContaining({
        type: 'code',
        language: 'bash',
        code: '# 1. サービスの停止\ndocker compose stop',
        line: 5,
      }),
      expect.objectContaining({
        type: 'code',
        language: undefined,
        code: 'plain',
      }),
    ]);
  });

  it('keeps code indented under list items, with its indentation removed', () => {
    const root = parseMarkdown(
      [
        '1. **ヘルスチェック**',
        '   ```bash',
        '   curl -f https://api.example.com/up \\',
        '     --max-time 5',
        '   ```',
        '   - note',
        '2. next',
      ].join('\n'),
    );
    expect(root.blocks).toEqual([
      expect.objectContaining({
        type: 'list-item',
        ordered: true,
        text: '**ヘルスチェック**',
        indent: 0,
        contentIndent: 3,
      }),
      expect.objectContaining({
        type: 'code',
        indent: 3,
        code: 'curl -f https://api.example.com/up \\\n  --max-time 5',
      }),
      expect.objectContaining({ type: 'list-item', ordered: false, indent: 3 }),
      expect.objectContaining({
        type: 'list-item',
        ordered: true,
        text: 'next',
      }),
    ]);
  });

  it('gives GitHub-style anchors, Japanese kept and duplicates numbered', () => {
    const root = parseMarkdown(
      [
        '## 1. 日常運用',
        '### リストア手順',
        '### リストア手順',
        '## Application Insights（本番環境）',
        '## Critical: サービス停止',
      ].join('\n'),
    );
    const anchors = (s: MarkdownSection): string[] =>
      s.children.flatMap(c => [c.anchor, ...anchors(c)]);
    expect(anchors(root)).toEqual([
      '1-日常運用',
      'リストア手順',
      'リストア手順-1',
      'application-insights本番環境',
      'critical-サービス停止',
    ]);
  });

  it('skips YAML front matter', () => {
    const root = parseMarkdown(
      '---\ntitle: Kube Proxy Down\nweight: 20\n---\n\n# KubeProxyDown\n\ntext\n',
    );
    expect(titles(root)).toEqual(['1:KubeProxyDown']);
    expect(root.blocks).toEqual([]);
    expect(root.children[0].line).toBe(6);
  });

  it('treats --- after a blank line as a break, not a heading', () => {
    const root = parseMarkdown('text\n\n---\n\n## A\n');
    expect(titles(root)).toEqual(['2:A']);
    expect(root.blocks).toHaveLength(1);
  });
});
