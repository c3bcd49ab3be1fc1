/**
 * 统计监测: the public overview of institutions, titles and tenants of a region on a day
 * ({@code GET /api/v1/statistics/overview}, institutions.md "Statistics"), the public
 * page {@code /statistics} and the dashboards (工作台) of bureaus and operators, with the
 * targets of the policy packs beside what the system measures. It only reads: the titles
 * through {@link cn.zhongchuang.recognition.TitleCensus}, the tenants through
 * {@link cn.zhongchuang.tenant.TenantCensus}, the targets from the packs; nothing depends
 * on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics")
package cn.zhongchuang.statistics;
