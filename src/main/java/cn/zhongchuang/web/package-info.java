/**
 * The web shell: layout and navigation by role, home page (待办), language switch, error
 * pages and the problem+json answers of the API. Depends on other modules; none depends
 * on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package cn.zhongchuang.web;
