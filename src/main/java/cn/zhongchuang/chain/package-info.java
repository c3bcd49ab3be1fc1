/**
 * 孵化链条试点 (seed 002 三(二), seed 001 五(一)): a chain of linked institutions, each at its
 * stage in chain order (苗圃 → 孵化器 → 加速器 → 产业园), applied for by an operator, designated a
 * pilot (or refused, or revoked) by the authority of the jurisdiction that holds every
 * link, and the tenants' moves along it counted from the tenant records. The API is
 * {@link cn.zhongchuang.chain.Chains} (for the subsidy module's 后补助) and the events in
 * {@link cn.zhongchuang.chain.ChainEvents}; everything else is in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Chain")
package cn.zhongchuang.chain;
