/**
 * The body editor's additions (issue 11): the 表格 component and paste from Word and WPS. One call from
 * admin.ts, before CMS.init().
 */
import { withOfficePaste } from './paste-control.ts';
import type { ControlClass } from './pickers.ts';
import { registerTable, type EditorComponentRegistry } from './table-block.ts';

/** The parts of `window.CMS` used here (https://decapcms.org/docs/customization/). */
interface BodyEditorCms extends EditorComponentRegistry {
  getWidget(name: string): { control: ControlClass; preview?: unknown; schema?: unknown } | undefined;
  registerWidget(name: string, control: ControlClass, preview?: unknown, schema?: unknown): void;
}

export function registerBodyEditor(
  cms: BodyEditorCms,
  createElement: (type: unknown, props: Record<string, unknown>, ...children: unknown[]) => unknown,
): void {
  registerTable(cms);
  const markdown = cms.getWidget('markdown');
  if (markdown) {
    cms.registerWidget(
      'markdown',
      withOfficePaste(markdown.control, createElement),
      markdown.preview,
      markdown.schema,
    );
  }
}
