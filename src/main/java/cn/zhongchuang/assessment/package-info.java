/**
 * 年度备案与考核: each active recognition files a yearly report (figures computed from the
 * operator's records where the system holds them, declared otherwise) by the pack's due
 * date; a bureau runs assessment rounds on the pack's cycle, scores institutions on the
 * pack's indicators, publishes the results, and under the lapse rule of consecutive
 * failing years the recognition lapses. Its API is
 * {@link cn.zhongchuang.assessment.AnnualFilings} and
 * {@link cn.zhongchuang.assessment.Assessments}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment")
package cn.zhongchuang.assessment;
