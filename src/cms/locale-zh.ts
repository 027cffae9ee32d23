/**
 * The portal's Chinese for the admin, laid over Decap's own zh_Hans phrases: Decap 3.16's zh_Hans lacks
 * about a fifth of the English keys (Decap then shows English), says 审查中 on the board but 审核中 in the
 * status menu, and 就绪 where the department says 待发布.
 */

export type Phrases = { [key: string]: string | Phrases };

/** Every key Decap's English locale has and its zh_Hans lacks, in the portal's words. */
const MISSING: Phrases = {
  auth: { loginWithForgejo: '使用 Forgejo 登录' },
  collection: {
    collectionTop: { viewAsList: '列表视图', viewAsGrid: '网格视图' },
    entries: { unpublishedHeader: '未发布的投稿' },
  },
  editor: {
    // Decap passes the widget's code name (string, relation…), which means nothing to a rep, and cannot be
    // translated through a phrase: the name is left out.
    editorControl: { field: { widgetLabel: '表单字段' } },
    editorControlPane: {
      widget: {
        rangeMin: '“%{fieldLabel}”至少要有 %{minCount} 项',
        rangeMax: '“%{fieldLabel}”最多只能有 %{maxCount} 项',
      },
    },
    editorInterface: { toggleNotes: '显示或隐藏批注' },
    editorNotesPane: {
      title: '批注',
      emptyState: '还没有批注。在下面写下第一条。',
      addNote: '添加批注',
      addPlaceholder: '写一条批注…',
      editPlaceholder: '修改批注…',
      save: '保存',
      cancel: '取消',
      edit: '修改',
      delete: '删除',
      resolve: '标为已处理',
      unresolve: '标为未处理',
      confirmDelete: '确定要删除这条批注吗？',
      shortcut: '提示：按 Ctrl+Enter 可快速添加批注',
    },
    editorToolbar: {
      statusInfoTooltipDraft: '这篇投稿还是草稿。写完后把状态改为“审核中”，交给销售经理审核。',
      statusInfoTooltipInReview: '这篇投稿正在审核，你不需要再做什么；审核期间仍可继续修改。',
    },
    editorWidgets: {
      markdown: {
        strikethrough: '删除线',
        toggleMode: { rich: '切换到富文本模式', markdown: '切换到 Markdown 模式' },
      },
      image: { chooseMultiple: '选择图片', addMore: '添加更多图片', removeAll: '移除全部图片' },
      file: { chooseMultiple: '选择文件', addMore: '添加更多文件', removeAll: '移除全部文件' },
      datetime: { setToNow: '把“%{fieldLabel}”设为现在' },
      list: { addType: '新增%{item}' },
      object: { expand: '展开', collapse: '收起' },
    },
  },
  mediaLibrary: { mediaLibraryModal: { close: '关闭' } },
  ui: {
    settingsDropdown: { account: '账户菜单' },
    toast: {
      noteAdded: '批注已添加',
      onFailToAddNote: '添加批注失败：%{details}',
      noteUpdated: '批注已修改',
      onFailToUpdateNote: '修改批注失败：%{details}',
      noteDeleted: '批注已删除',
      onFailToDeleteNote: '删除批注失败：%{details}',
      noteResolved: '批注已标为已处理',
      noteReopened: '批注已标为未处理',
      onFailToToggleNote: '更改批注状态失败：%{details}',
    },
  },
};

/** Phrases that Decap's zh_Hans has, in the department's words. */
const DEPARTMENT: Phrases = {
  app: { app: { waitingBackend: '正在连接投稿网关…' } },
  editor: {
    // Decap's is “标题”不满足模式<message>; the model's messages say what is expected (“应为 2–80 个字”).
    editorControlPane: { widget: { regexPattern: '“%{fieldLabel}”%{pattern}' } },
    editor: { onPublishingNotReady: '请先把状态改为“待发布”，再发布' },
    // On a phone this is the label of the button that switches between form and preview (admin.css).
    editorInterface: { togglePreview: '预览' },
    editorToolbar: { draft: '草稿', inReview: '审核中', ready: '待发布' },
    editorWidgets: { markdown: { linkPrompt: '输入链接地址' } },
  },
  ui: {
    toast: {
      onFailToPersist:
        '保存失败：%{details}。填写的内容没有丢失，仍在本机浏览器中；改正后或网络恢复后再点“保存”即可。',
    },
  },
  workflow: {
    workflow: {
      newPost: '新建内刊投稿',
      // Polyglot picks plural forms by the English rules for “zh_Hans”: both forms are needed.
      description:
        '%{smart_count} 篇审核中，%{readyCount} 篇待发布 |||| %{smart_count} 篇审核中，%{readyCount} 篇待发布',
      // A dayjs format: 11月30日 (the brackets keep 月 and 日 literal).
      dateFormat: 'M[月]D[日]',
    },
    workflowList: {
      onPublishingNotReadyEntry: '只有“待发布”的投稿才能发布：请先把卡片拖到“待发布”一列',
      draftHeader: '草稿',
      inReviewHeader: '审核中',
      readyHeader: '待发布',
      currentEntries: '%{smart_count} 篇 |||| %{smart_count} 篇',
    },
  },
};

function merge(base: Phrases, over: Phrases): Phrases {
  const out: Phrases = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const below = out[key];
    out[key] =
      typeof value === 'object' && typeof below === 'object' ? merge(below, value) : structuredClone(value);
  }
  return out;
}

/** Decap's zh_Hans (`base`, as `CMS.getLocale` gives it) completed and reworded for the portal. */
export function portalPhrases(base: Phrases): Phrases {
  return merge(merge(base, MISSING), DEPARTMENT);
}

/** Dotted keys of every phrase, with their text: what a key-by-key comparison needs. */
export function flatPhrases(phrases: Phrases, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(phrases)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatPhrases(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}
