package cn.zhongchuang.operator;

import java.math.BigDecimal;

/**
 * What one institution's records show for a calendar year, for its 统计年报. A {@code null}
 * means the records hold nothing to count it from (the operator declares it instead); a
 * count of nothing held is 0.
 *
 * @param events 创新创业活动 held in the year
 * @param eventParticipants their participants together
 * @param trainees participants of the training events (培训, 训练营) of the year; null when
 * none was recorded
 * @param mentors mentors under contract on some day of the year
 * @param counselling counselling sessions held in the year
 * @param staff people employed on the last day of the year; null when the records name
 * nobody ever employed
 * @param areaM2 total area of the premises in use on the last day; null when none
 * @param fundCny funds established by the last day, summed (元); null when none
 * @param investments investments into tenants made in the year
 * @param investmentCny their amount (元)
 */
public record OperatorYear(long events, long eventParticipants, Long trainees, long mentors, long counselling,
		Long staff, BigDecimal areaM2, Long fundCny, long investments, long investmentCny) {
}
