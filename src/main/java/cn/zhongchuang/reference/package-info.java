/**
 * National reference data used everywhere: 统一社会信用代码 (GB 32100-2015), enterprise size
 * (工信部联企业〔2011〕300号) and the official working-day calendar.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reference")
package cn.zhongchuang.reference;
