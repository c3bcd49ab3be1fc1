/**
 * 孵化载体: the institutions at the centre of the domain (institutions.md). An institution is
 * one space, physical or virtual, of one kind (众创空间, 创业苗圃, 孵化器, 加速器, …), run by one
 * operator; its premises, tenants, events and counselling records belong to it, the
 * operator's mentors, staff, funds and agreements are assigned to it. Its API is
 * {@link cn.zhongchuang.institution.Institutions}: who may see which institution, and the
 * facts its own records establish ({@code factsFor}), which applications, annual filings
 * and statistics read. Titles, tenants and filings hang off it in the modules that depend
 * on this one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Institution")
package cn.zhongchuang.institution;
