/** Small shared phrase pools. */

export const RELATIVE_TIMES: readonly string[] = [
  '上周',
  '本周初',
  '前几天',
  '月初',
  '上个月底',
  '前不久',
  '节后第一周',
  '上周三',
  '本月中旬',
  '这两周',
  '上周五下午',
  '月中',
];

/** Sentence connectors put before some sentences. */
export const CONNECTORS: readonly string[] = [
  '同时，',
  '此外，',
  '另外，',
  '其次，',
  '不过，',
  '当然，',
  '值得一提的是，',
  '说实话，',
  '事实上，',
  '更重要的是，',
  '反过来看，',
  '实际上，',
  '具体来说，',
  '与此同时，',
  '回过头看，',
  '坦白讲，',
  '从结果看，',
  '印象最深的是，',
  '这里要说明的是，',
  '总体而言，',
];

/** Chinese ordinal prefixes for numbered headings. */
export const ORDINALS: readonly string[] = ['一、', '二、', '三、', '四、', '五、', '六、'];
