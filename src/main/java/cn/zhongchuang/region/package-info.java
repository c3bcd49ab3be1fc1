/**
 * Administrative regions (GB/T 2260): the tree every user's data scope is cut from.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Regions")
package cn.zhongchuang.region;
