// What a target or an outcome figure measures: the indicator's name, whether the figure is a
// level ("国内生产总值134.9万亿元") or a change ("增长5%", "能耗降低2.5%"), and which way is better.

export interface Indicator {
  /** "国内生产总值", "城镇调查失业率", "单位国内生产总值能耗". */
  name: string;
  measure: 'level' | 'change';
  /** For a change: +1 a rise ("增长", "涨幅"), -1 a fall ("降低", "下降"). */
  direction: 1 | -1 | 0;
  /** True when less is better: unemployment, prices, deficits, energy use, emissions. */
  lowerIsBetter: boolean;
}

const CHANGE = /(?:同比|比上年|比去年|较上年|实际|名义|年均|分别)*(增长|增加|提高|上升|上涨|涨幅|增幅|增速|扩大|下降|降低|降幅|减少|回落|压减)$/;
const FALL = /下降|降低|降幅|减少|回落|压减/;
// Words around the name that say nothing about what is measured.
const SCOPE = /^(?:全区|全市|全县|全省|全国|全年|今年|年末|年底|年内|其中)/;
// "粮食产量首次跃上1.4万亿斤", "年末城镇调查失业率降到5.5%": the level reached.
// A bare 降 / 升 ("降到", "升至") but not the end of 下降 / 上升, which are changes.
const HOLD = /(?:平均|全年|保持在|保持|控制在|控制|稳定在|达到|完成|突破|超过|力争|预期|目标|首次|跃上|跃升|再创|新台阶|新高|(?<!下)降|(?<!上)升|为|在)$/;
const LOWER_IS_BETTER = /失业率|价格|物价|涨幅|赤字|能耗|排放|负债|债务|事故|死亡|发生率|浓度|贫困人口|差距/;

/** The indicator a metric label names; a figure "达到…" is a level whatever its label says. */
export function readIndicator(label: string, qualifier = ''): Indicator {
  let name = label.trim().replace(SCOPE, '');
  for (let before = ''; before !== name;) { before = name; name = name.replace(HOLD, ''); }
  const change = /^达到?$/.test(qualifier) ? null : CHANGE.exec(name);
  let measure: Indicator['measure'] = 'level';
  let direction: Indicator['direction'] = 0;
  if (change) {
    measure = 'change';
    direction = FALL.test(change[1]!) ? -1 : 1;
    name = name.slice(0, change.index);
  }
  if (change || /^达到?$/.test(qualifier)) {
    name = name.replace(CHANGE, '');
    for (let before = ''; before !== name;) { before = name; name = name.replace(HOLD, ''); }
  }
  return { name, measure, direction, lowerIsBetter: direction === -1 || LOWER_IS_BETTER.test(name) || (measure === 'change' && /价格|物价/.test(name)) };
}
