// The body editor: what-you-see rich text for staff who write in Word, not in HTML. It offers the
// markup the server keeps (src/features/documents/sanitize.ts): paragraphs, headings, emphasis,
// lists, quotes, tables, links, alignment and first-line indent. Pasted Word text keeps that much;
// the server sanitizes again, whatever arrives.
import { useEffect } from 'react';
import { Button, Divider, Space, Tooltip } from 'antd';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import TextAlign from '@tiptap/extension-text-align';
import './rich-text.css';

interface Props {
  value?: string;
  onChange?: (html: string) => void;
  /** The accessible name of the editing area (the form label). */
  label: string;
  disabled?: boolean;
}

interface Tool {
  key: string;
  text: string;
  title: string;
  run: (e: Editor) => void;
  active?: (e: Editor) => boolean;
}

const TOOLS: Tool[][] = [
  [
    { key: 'h2', text: '标题', title: '二级标题', run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(), active: (e) => e.isActive('heading', { level: 2 }) },
    { key: 'h3', text: '小标题', title: '三级标题', run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(), active: (e) => e.isActive('heading', { level: 3 }) },
    { key: 'p', text: '正文', title: '普通段落', run: (e) => e.chain().focus().setParagraph().run(), active: (e) => e.isActive('paragraph') },
  ],
  [
    { key: 'bold', text: '加粗', title: '加粗（Ctrl+B）', run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive('bold') },
    { key: 'italic', text: '倾斜', title: '倾斜（Ctrl+I）', run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive('italic') },
    { key: 'underline', text: '下划线', title: '下划线（Ctrl+U）', run: (e) => e.chain().focus().toggleUnderline().run(), active: (e) => e.isActive('underline') },
  ],
  [
    { key: 'ul', text: '列表', title: '无序列表', run: (e) => e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive('bulletList') },
    { key: 'ol', text: '编号', title: '有序列表', run: (e) => e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive('orderedList') },
    { key: 'quote', text: '引用', title: '引用', run: (e) => e.chain().focus().toggleBlockquote().run(), active: (e) => e.isActive('blockquote') },
  ],
  [
    { key: 'left', text: '左对齐', title: '左对齐', run: (e) => e.chain().focus().setTextAlign('left').run(), active: (e) => e.isActive({ textAlign: 'left' }) },
    { key: 'center', text: '居中', title: '居中（落款、标题）', run: (e) => e.chain().focus().setTextAlign('center').run(), active: (e) => e.isActive({ textAlign: 'center' }) },
    { key: 'right', text: '右对齐', title: '右对齐（落款、日期）', run: (e) => e.chain().focus().setTextAlign('right').run(), active: (e) => e.isActive({ textAlign: 'right' }) },
  ],
  [
    {
      key: 'link',
      text: '链接',
      title: '插入或修改链接（本站文件可写 /zfxxgk/wj/编号）',
      run: (e) => {
        const previous = (e.getAttributes('link').href as string | undefined) ?? '';
        const href = window.prompt('链接地址（http:// 或 https:// 开头；本站文件如 /zfxxgk/wj/12；留空则取消链接）', previous);
        if (href === null) return;
        if (!href.trim()) e.chain().focus().extendMarkRange('link').unsetLink().run();
        else e.chain().focus().extendMarkRange('link').setLink({ href: href.trim() }).run();
      },
      active: (e) => e.isActive('link'),
    },
    { key: 'table', text: '表格', title: '插入 3×3 表格（首行为表头）', run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
    { key: 'row', text: '加行', title: '在下方插入一行', run: (e) => e.chain().focus().addRowAfter().run() },
    { key: 'col', text: '加列', title: '在右侧插入一列', run: (e) => e.chain().focus().addColumnAfter().run() },
    { key: 'delrow', text: '删行', title: '删除当前行', run: (e) => e.chain().focus().deleteRow().run() },
    { key: 'deltable', text: '删表', title: '删除整个表格', run: (e) => e.chain().focus().deleteTable().run() },
  ],
  [
    { key: 'undo', text: '撤销', title: '撤销（Ctrl+Z）', run: (e) => e.chain().focus().undo().run() },
    { key: 'redo', text: '重做', title: '重做（Ctrl+Y）', run: (e) => e.chain().focus().redo().run() },
  ],
];

const TABLE_ONLY = new Set(['row', 'col', 'delrow', 'deltable']);

function Toolbar({ editor, disabled }: { editor: Editor; disabled?: boolean }) {
  // Re-render the buttons' pressed state as the selection moves.
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      inTable: e.isActive('table'),
      active: Object.fromEntries(TOOLS.flat().map((t) => [t.key, t.active ? t.active(e) : false])),
    }),
  });
  return (
    <Space wrap size={4} role="toolbar" aria-label="正文格式" style={{ padding: 4, borderBottom: '1px solid #d9d9d9', width: '100%' }}>
      {TOOLS.map((group, i) => (
        <Space key={i} size={2}>
          {i > 0 ? <Divider type="vertical" /> : null}
          {group
            .filter((t) => !TABLE_ONLY.has(t.key) || state.inTable)
            .map((t) => (
              <Tooltip key={t.key} title={t.title}>
                <Button
                  size="small"
                  type={state.active[t.key] ? 'primary' : 'text'}
                  aria-pressed={t.active ? state.active[t.key] : undefined}
                  disabled={disabled}
                  onMouseDown={(ev) => ev.preventDefault() /* keep the text selection */}
                  onClick={() => t.run(editor)}
                >
                  {t.text}
                </Button>
              </Tooltip>
            ))}
        </Space>
      ))}
    </Space>
  );
}

export function RichTextEditor({ value, onChange, label, disabled }: Props) {
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3, 4] }, code: false, codeBlock: false, strike: false, link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] } }),
      TableKit.configure({ table: { resizable: false } }),
      TextAlign.configure({ types: ['heading', 'paragraph'], alignments: ['left', 'center', 'right', 'justify'] }),
    ],
    content: value ?? '',
    editable: !disabled,
    editorProps: {
      attributes: { 'aria-label': label, role: 'textbox', 'aria-multiline': 'true', class: 'gk-rich-text', 'data-testid': 'rich-text' },
    },
    onUpdate: ({ editor: e }) => onChange?.(e.isEmpty ? '' : e.getHTML()),
  });

  // A value from outside (the document loaded, a reset) replaces the content; typing does not loop back.
  useEffect(() => {
    if (editor && value !== undefined && value !== (editor.isEmpty ? '' : editor.getHTML())) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);
  useEffect(() => {
    editor?.setEditable(!disabled);
  }, [editor, disabled]);

  if (!editor) return null;
  return (
    <div style={{ border: '1px solid #d9d9d9', borderRadius: 6, background: disabled ? '#f5f5f5' : '#fff' }}>
      <Toolbar editor={editor} disabled={disabled} />
      <EditorContent editor={editor} />
    </div>
  );
}
