/**
 * 处罚: fraud findings against recognitions, the title revoked, bans on applying keyed by
 * the operator's credit code and subsidies to be recovered, as each pack's sanctions
 * section says; the sanctions register for bureau users. Its API is
 * {@link cn.zhongchuang.sanction.Sanctions#activeBan}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sanction")
package cn.zhongchuang.sanction;
