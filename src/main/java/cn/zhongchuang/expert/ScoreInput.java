package cn.zhongchuang.expert;

import java.util.Map;

/**
 * An expert's scoring form as typed: points per item code, the opinion (评审意见) and the
 * on-site inspection record (实地考察: date in ISO form, place, findings), all unchecked.
 */
record ScoreInput(Map<String, String> scores, String opinion, String inspectedOn, String inspectionPlace,
		String inspectionFindings) {
}
