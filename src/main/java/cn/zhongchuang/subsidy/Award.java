package cn.zhongchuang.subsidy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One award (奖补发放) of a programme to a recognized institution: AWARDED, DISBURSED,
 * RECOVERY_DUE or RECOVERED.
 *
 * @param id the id
 * @param programmeId the programme
 * @param recognitionId the recognition
 * @param recognitionNumber its number
 * @param institutionName 载体名称
 * @param operatorName 运营机构
 * @param creditCode the operator's credit code
 * @param regionCode the recognition's region
 * @param amount CNY
 * @param reason why
 * @param status the state
 * @param awardedBy who awarded
 * @param awardedAt when
 * @param disbursedOn the day paid, null before
 * @param voucherNo the payment voucher
 * @param sanctionId the fraud finding that concerns it, if any
 * @param recoveryReason why it is to be recovered
 * @param recoveryDueOn since when
 * @param recoveredOn the day recovered
 * @param recoveredAmount how much came back
 * @param recoveryNote a note on the recovery
 * @param version optimistic lock
 */
public record Award(long id, long programmeId, long recognitionId, String recognitionNumber, String institutionName,
		String operatorName, String creditCode, String regionCode, BigDecimal amount, String reason, String status,
		String awardedBy, Instant awardedAt, LocalDate disbursedOn, String voucherNo, Long sanctionId,
		String recoveryReason, LocalDate recoveryDueOn, LocalDate recoveredOn, BigDecimal recoveredAmount,
		String recoveryNote, int version) {

	public static final String AWARDED = "AWARDED";

	public static final String DISBURSED = "DISBURSED";

	public static final String RECOVERY_DUE = "RECOVERY_DUE";

	public static final String RECOVERED = "RECOVERED";

}
