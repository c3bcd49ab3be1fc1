/**
 * 运营机构: the organisation that runs a space, its members, and the records it keeps
 * (premises, staff, mentors with counselling records, events, funds with investments,
 * service agreements; tenants are counted through
 * {@link cn.zhongchuang.operator.TenantRoster}, which the tenant module implements). Its
 * API is {@link cn.zhongchuang.operator.Operators#factsFor}: the space facts of
 * policy-api.md that these records establish, each with its source.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operator")
package cn.zhongchuang.operator;
