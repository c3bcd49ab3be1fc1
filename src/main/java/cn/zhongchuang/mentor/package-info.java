/**
 * 创业导师认定 (seed 002 三(五)): an operator nominates one of its mentor records, or enters a
 * mentor's own application (自荐) on the mentor's behalf, for one of its institutions; the
 * province whose region holds the institution certifies (a certificate number, a term) or
 * refuses; certificates lapse at the end of their term and can be revoked. The public
 * registry of certified mentors ({@code /mentors}, {@code /api/v1/mentors}) shows no ID
 * number and no phone. Its API is {@link cn.zhongchuang.mentor.Mentors} and the events it
 * publishes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mentor")
package cn.zhongchuang.mentor;
