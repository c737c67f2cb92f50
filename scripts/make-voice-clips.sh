#!/usr/bin/env bash
# Makes the till's voice-prompt clips (pos-client/src/main/resources/org/yishi/till/voice/*.wav) with espeak-ng's
# Mandarin voice. Robotic but clear; replace the WAVs with recorded ones of the same names for a real canteen.
# Needs: apt-get install espeak-ng. The clip names are VoiceClip's constants (lower case).
set -euo pipefail
out="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/pos-client/src/main/resources/org/yishi/till/voice"
mkdir -p "$out"
clip() { espeak-ng -v cmn -s 150 -a 150 -w "$out/$1.wav" "$2"; }
clip card_ok "刷卡成功"
clip subsidy "补贴"
clip please_pay "请付"
clip nothing_to_pay "无需付款"
clip yuan "元"
clip jiao "角"
clip fen "分"
clip ten "十"
clip hundred "百"
clip thousand "千"
clip d0 "零"; clip d1 "一"; clip d2 "二"; clip d3 "三"; clip d4 "四"
clip d5 "五"; clip d6 "六"; clip d7 "七"; clip d8 "八"; clip d9 "九"
clip card_lost "此卡已挂失，请到柜台咨询"
clip see_counter "请到柜台咨询"
clip limit_reached "今日补贴已用"
clip no_subsidy "本餐无补贴"
clip thanks "谢谢，祝您用餐愉快"
clip please_rate "请您评价本次服务"
echo "clips written to $out"
