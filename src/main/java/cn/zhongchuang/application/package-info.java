/**
 * 认定申请: an operator's application for recognition under one policy pack, its facts
 * (computed from the operator's records or declared), its materials, and its staged
 * review in the order the pack gives. API:
 * {@link cn.zhongchuang.application.Applications} (read an application within one's
 * scope) and the events in {@link cn.zhongchuang.application.ApplicationEvents}. It
 * drives the expert panel, the public notice and the recognition of its stages through
 * those modules' APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Application")
package cn.zhongchuang.application;
