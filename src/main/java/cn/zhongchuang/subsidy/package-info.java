/**
 * 奖补: subsidy programmes of a bureau with a budget, awards per recognized institution on
 * recognition or on published assessment results (后补助), their disbursement and recovery
 * (on a fraud finding under a pack with subsidyRecovery), totals per programme and
 * region, never exceeding the budget. Its API is
 * {@link cn.zhongchuang.subsidy.Subsidies}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subsidy")
package cn.zhongchuang.subsidy;
