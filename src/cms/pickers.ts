/**
 * Chinese for the pickers of relation and select fields. Decap renders them with react-select and leaves
 * react-select's English in place (“No options”, the screen-reader announcements) or hard-codes its own
 * (“Loading options…”); no phrase reaches them. The least invasive fix that keeps Decap's widgets: register
 * the same widget names again with a subclass of Decap's own control whose render() passes react-select
 * Chinese messages. Nothing else of the control changes.
 */

/** What react-select passes to its announcement functions (react-select 5, as bundled by Decap 3.16). */
interface Announcement {
  action?: string;
  label?: string;
  labels?: string[];
  isDisabled?: boolean;
  context?: string;
  focused?: unknown;
  options?: unknown[];
  selectValue?: unknown[];
  inputValue?: string;
  resultsMessage?: string;
  isSearchable?: boolean;
  isMulti?: boolean;
}

const position = (list: unknown[] | undefined, item: unknown) =>
  list?.length ? `第 ${list.indexOf(item) + 1} 项，共 ${list.length} 项` : '';

/** react-select props whose defaults are English; it reads the announcements one after another. */
export const CHINESE_SELECT_PROPS = {
  loadingMessage: () => '正在加载选项…',
  noOptionsMessage: () => '没有匹配的选项',
  screenReaderStatus: ({ count }: { count: number }) => `有 ${count} 个选项`,
  ariaLiveMessages: {
    guidance: ({ context, isSearchable, isMulti }: Announcement) =>
      context === 'menu'
        ? '按上下键选择，按回车键选定，按 Esc 键关闭列表。'
        : context === 'input'
          ? `已进入选择框${isSearchable ? '，可输入文字筛选' : ''}，按下键打开列表${isMulti ? '，按左键切换已选项' : ''}。`
          : context === 'value'
            ? '按左右键切换已选项，按退格键移除当前项。'
            : '',
    onChange: ({ action, label = '', labels = [] }: Announcement) =>
      action === 'select-option'
        ? `已选定 ${label}`
        : action === 'clear'
          ? '已清除全部选项'
          : action === 'initial-input-focus'
            ? `已选定 ${labels.join('，')}`
            : action === 'deselect-option' || action === 'pop-value' || action === 'remove-value'
              ? `已取消 ${label}`
              : '',
    onFocus: ({ context, focused, options, selectValue, label = '', isDisabled }: Announcement) =>
      context === 'value'
        ? `已选项 ${label}，${position(selectValue, focused)}。`
        : `${label}${isDisabled ? '（不可选）' : ''}，${position(options, focused)}。`,
    onFilter: ({ inputValue, resultsMessage }: Announcement) =>
      `${resultsMessage ?? ''}${inputValue ? `，搜索“${inputValue}”` : ''}。`,
  },
};

/** A React element as far as this module needs it. */
interface Element {
  type: unknown;
  key: string | null;
  props: Record<string, unknown>;
}

// TypeScript accepts a class as a mixin's base only with a constructor taking `any[]`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ControlClass = new (...args: any[]) => { render(): unknown };

/**
 * `Control` (Decap's relation or select control) rendering its react-select with Chinese messages;
 * `createElement` is React's, which the bundle exposes as `window.h`.
 */
export function withChineseMessages<C extends ControlClass>(
  Control: C,
  createElement: (type: unknown, props: Record<string, unknown>) => unknown,
): C {
  return class extends Control {
    override render(): unknown {
      const element = super.render() as Element | null;
      if (!element || typeof element !== 'object' || !('props' in element)) return element;
      return createElement(element.type, { ...element.props, key: element.key, ...CHINESE_SELECT_PROPS });
    }
  };
}
