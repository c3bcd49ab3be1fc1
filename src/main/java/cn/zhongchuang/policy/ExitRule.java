package cn.zhongchuang.policy;

import java.time.LocalDate;
import java.util.Collection;

/**
 * 在孵企业退出规则（朝阳第五条第（十一）项："连续六个月没有申报纳税记录的纳入异常名录，连续两年 没有税收贡献的予以清退"），阈值来自政策包的 {@code exit}。
 * <p>
 * 这是一个不依赖 CEL、不分配中间集合的纯函数：批量扫描（SQL）将以它为基准做性质测试，口径必须 简单到可以用 {@code max(period)} 复述：
 * <ul>
 * <li>只算入孵之后的完整月：入孵当月和判断日所在月都不算；</li>
 * <li>从最近一个完整月往前数：连续未申报月数 = 最近完整月 − 最近一次申报的月份（窗口内无申报则为 窗口月数），无税收贡献同理（未申报或缴 0 元都算没有）；</li>
 * <li>无税收贡献月数达到清退阈值为 CLEARANCE_DUE（优先），否则未申报月数达到异常阈值为 ABNORMAL。</li>
 * </ul>
 *
 * @param abnormalAfterMonthsWithoutFiling 连续未申报多少个完整月纳入异常名录（朝阳：6）
 * @param clearanceAfterMonthsWithoutTax 连续无税收贡献多少个完整月予以清退（朝阳：24）
 */
public record ExitRule(int abnormalAfterMonthsWithoutFiling, int clearanceAfterMonthsWithoutTax) {

	public ExitRule {
		if (abnormalAfterMonthsWithoutFiling <= 0 || clearanceAfterMonthsWithoutTax <= 0) {
			throw new IllegalArgumentException("退出阈值应为正整数");
		}
	}

	public ExitStatus evaluate(TaxHistory history) {
		return evaluate(history.asOf(), history.admittedOn(), history.filings());
	}

	/**
	 * 计算退出状态。
	 * @param asOf 判断日期
	 * @param admittedOn 入孵日期
	 * @param filings 申报记录（窗口外的月份忽略）
	 * @return 退出状态
	 */
	public ExitStatus evaluate(LocalDate asOf, LocalDate admittedOn, Collection<TaxHistory.Filing> filings) {
		int first = monthIndex(admittedOn.getYear(), admittedOn.getMonthValue()) + 1;
		int last = monthIndex(asOf.getYear(), asOf.getMonthValue()) - 1;
		int window = Math.max(0, last - first + 1);
		int latestFiled = Integer.MIN_VALUE;
		int latestTaxed = Integer.MIN_VALUE;
		for (TaxHistory.Filing filing : filings) {
			int month = monthIndex(filing.period().getYear(), filing.period().getMonthValue());
			if (month < first || month > last) {
				continue;
			}
			if (filing.filed()) {
				latestFiled = Math.max(latestFiled, month);
			}
			if (filing.paidTax()) {
				latestTaxed = Math.max(latestTaxed, month);
			}
		}
		int withoutFiling = (latestFiled == Integer.MIN_VALUE) ? window : last - latestFiled;
		int withoutTax = (latestTaxed == Integer.MIN_VALUE) ? window : last - latestTaxed;
		ExitStatus.Status status = ExitStatus.Status.ACTIVE;
		if (withoutTax >= this.clearanceAfterMonthsWithoutTax) {
			status = ExitStatus.Status.CLEARANCE_DUE;
		}
		else if (withoutFiling >= this.abnormalAfterMonthsWithoutFiling) {
			status = ExitStatus.Status.ABNORMAL;
		}
		return new ExitStatus(status, withoutFiling, withoutTax);
	}

	private static int monthIndex(int year, int month) {
		return year * 12 + month - 1;
	}

}
