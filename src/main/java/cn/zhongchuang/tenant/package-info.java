/**
 * 在孵企业: the tenants of an institution along the incubation chain, their monthly tax
 * filings (imported in bulk), and the exit rules of the policy pack applied to them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tenant")
package cn.zhongchuang.tenant;
