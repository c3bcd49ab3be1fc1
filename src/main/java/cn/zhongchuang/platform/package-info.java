/**
 * Technical foundation shared by every module: the database (embedded PostgreSQL when no
 * external server is configured), the clock and cluster-wide job locks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.zhongchuang.platform;
