/**
 * The audit trail: every login and every state change, append-only and SM3 hash-chained,
 * written in the same transaction as the change it describes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package cn.zhongchuang.audit;
