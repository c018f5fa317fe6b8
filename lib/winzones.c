/*
 * winzones.c - Windows (Outlook, Exchange) zone names to IANA names.
 *
 * The CLDR windowsZones mapping, territory "001" (the zone Windows means
 * when nothing narrows it down), plus five names older Windows releases
 * wrote (Mexico Standard Time and 2, Armenian, Kamchatka, Mid-Atlantic).
 * CLDR keeps a few pre-rename IANA ids (Asia/Calcutta, Europe/Kiev,
 * America/Godthab, ...); they are written here as their current IANA
 * names, which every tzdata since 2022 has and which distributions that
 * split off the old aliases still ship.
 *
 * Sorted by ASCII-lowercased name for bsearch; keep it so.
 */
#include <stdlib.h>
#include <string.h>

#include "evkit.h"

struct winzone {
	const char *win;
	const char *iana;
};

static const struct winzone winzones[] = {
	{ "Afghanistan Standard Time", "Asia/Kabul" },
	{ "Alaskan Standard Time", "America/Anchorage" },
	{ "Aleutian Standard Time", "America/Adak" },
	{ "Altai Standard Time", "Asia/Barnaul" },
	{ "Arab Standard Time", "Asia/Riyadh" },
	{ "Arabian Standard Time", "Asia/Dubai" },
	{ "Arabic Standard Time", "Asia/Baghdad" },
	{ "Argentina Standard Time", "America/Argentina/Buenos_Aires" },
	{ "Armenian Standard Time", "Asia/Yerevan" },
	{ "Astrakhan Standard Time", "Europe/Astrakhan" },
	{ "Atlantic Standard Time", "America/Halifax" },
	{ "AUS Central Standard Time", "Australia/Darwin" },
	{ "Aus Central W. Standard Time", "Australia/Eucla" },
	{ "AUS Eastern Standard Time", "Australia/Sydney" },
	{ "Azerbaijan Standard Time", "Asia/Baku" },
	{ "Azores Standard Time", "Atlantic/Azores" },
	{ "Bahia Standard Time", "America/Bahia" },
	{ "Bangladesh Standard Time", "Asia/Dhaka" },
	{ "Belarus Standard Time", "Europe/Minsk" },
	{ "Bougainville Standard Time", "Pacific/Bougainville" },
	{ "Canada Central Standard Time", "America/Regina" },
	{ "Cape Verde Standard Time", "Atlantic/Cape_Verde" },
	{ "Caucasus Standard Time", "Asia/Yerevan" },
	{ "Cen. Australia Standard Time", "Australia/Adelaide" },
	{ "Central America Standard Time", "America/Guatemala" },
	{ "Central Asia Standard Time", "Asia/Bishkek" },
	{ "Central Brazilian Standard Time", "America/Cuiaba" },
	{ "Central Europe Standard Time", "Europe/Budapest" },
	{ "Central European Standard Time", "Europe/Warsaw" },
	{ "Central Pacific Standard Time", "Pacific/Guadalcanal" },
	{ "Central Standard Time", "America/Chicago" },
	{ "Central Standard Time (Mexico)", "America/Mexico_City" },
	{ "Chatham Islands Standard Time", "Pacific/Chatham" },
	{ "China Standard Time", "Asia/Shanghai" },
	{ "Cuba Standard Time", "America/Havana" },
	{ "Dateline Standard Time", "Etc/GMT+12" },
	{ "E. Africa Standard Time", "Africa/Nairobi" },
	{ "E. Australia Standard Time", "Australia/Brisbane" },
	{ "E. Europe Standard Time", "Europe/Chisinau" },
	{ "E. South America Standard Time", "America/Sao_Paulo" },
	{ "Easter Island Standard Time", "Pacific/Easter" },
	{ "Eastern Standard Time", "America/New_York" },
	{ "Eastern Standard Time (Mexico)", "America/Cancun" },
	{ "Egypt Standard Time", "Africa/Cairo" },
	{ "Ekaterinburg Standard Time", "Asia/Yekaterinburg" },
	{ "Fiji Standard Time", "Pacific/Fiji" },
	{ "FLE Standard Time", "Europe/Kyiv" },
	{ "Georgian Standard Time", "Asia/Tbilisi" },
	{ "GMT Standard Time", "Europe/London" },
	{ "Greenland Standard Time", "America/Nuuk" },
	{ "Greenwich Standard Time", "Atlantic/Reykjavik" },
	{ "GTB Standard Time", "Europe/Bucharest" },
	{ "Haiti Standard Time", "America/Port-au-Prince" },
	{ "Hawaiian Standard Time", "Pacific/Honolulu" },
	{ "India Standard Time", "Asia/Kolkata" },
	{ "Iran Standard Time", "Asia/Tehran" },
	{ "Israel Standard Time", "Asia/Jerusalem" },
	{ "Jordan Standard Time", "Asia/Amman" },
	{ "Kaliningrad Standard Time", "Europe/Kaliningrad" },
	{ "Kamchatka Standard Time", "Asia/Kamchatka" },
	{ "Korea Standard Time", "Asia/Seoul" },
	{ "Libya Standard Time", "Africa/Tripoli" },
	{ "Line Islands Standard Time", "Pacific/Kiritimati" },
	{ "Lord Howe Standard Time", "Australia/Lord_Howe" },
	{ "Magadan Standard Time", "Asia/Magadan" },
	{ "Magallanes Standard Time", "America/Punta_Arenas" },
	{ "Marquesas Standard Time", "Pacific/Marquesas" },
	{ "Mauritius Standard Time", "Indian/Mauritius" },
	{ "Mexico Standard Time", "America/Mexico_City" },
	{ "Mexico Standard Time 2", "America/Chihuahua" },
	{ "Mid-Atlantic Standard Time", "Etc/GMT+2" },
	{ "Middle East Standard Time", "Asia/Beirut" },
	{ "Montevideo Standard Time", "America/Montevideo" },
	{ "Morocco Standard Time", "Africa/Casablanca" },
	{ "Mountain Standard Time", "America/Denver" },
	{ "Mountain Standard Time (Mexico)", "America/Mazatlan" },
	{ "Myanmar Standard Time", "Asia/Yangon" },
	{ "N. Central Asia Standard Time", "Asia/Novosibirsk" },
	{ "Namibia Standard Time", "Africa/Windhoek" },
	{ "Nepal Standard Time", "Asia/Kathmandu" },
	{ "New Zealand Standard Time", "Pacific/Auckland" },
	{ "Newfoundland Standard Time", "America/St_Johns" },
	{ "Norfolk Standard Time", "Pacific/Norfolk" },
	{ "North Asia East Standard Time", "Asia/Irkutsk" },
	{ "North Asia Standard Time", "Asia/Krasnoyarsk" },
	{ "North Korea Standard Time", "Asia/Pyongyang" },
	{ "Omsk Standard Time", "Asia/Omsk" },
	{ "Pacific SA Standard Time", "America/Santiago" },
	{ "Pacific Standard Time", "America/Los_Angeles" },
	{ "Pacific Standard Time (Mexico)", "America/Tijuana" },
	{ "Pakistan Standard Time", "Asia/Karachi" },
	{ "Paraguay Standard Time", "America/Asuncion" },
	{ "Qyzylorda Standard Time", "Asia/Qyzylorda" },
	{ "Romance Standard Time", "Europe/Paris" },
	{ "Russia Time Zone 10", "Asia/Srednekolymsk" },
	{ "Russia Time Zone 11", "Asia/Kamchatka" },
	{ "Russia Time Zone 3", "Europe/Samara" },
	{ "Russian Standard Time", "Europe/Moscow" },
	{ "SA Eastern Standard Time", "America/Cayenne" },
	{ "SA Pacific Standard Time", "America/Bogota" },
	{ "SA Western Standard Time", "America/La_Paz" },
	{ "Saint Pierre Standard Time", "America/Miquelon" },
	{ "Sakhalin Standard Time", "Asia/Sakhalin" },
	{ "Samoa Standard Time", "Pacific/Apia" },
	{ "Sao Tome Standard Time", "Africa/Sao_Tome" },
	{ "Saratov Standard Time", "Europe/Saratov" },
	{ "SE Asia Standard Time", "Asia/Bangkok" },
	{ "Singapore Standard Time", "Asia/Singapore" },
	{ "South Africa Standard Time", "Africa/Johannesburg" },
	{ "South Sudan Standard Time", "Africa/Juba" },
	{ "Sri Lanka Standard Time", "Asia/Colombo" },
	{ "Sudan Standard Time", "Africa/Khartoum" },
	{ "Syria Standard Time", "Asia/Damascus" },
	{ "Taipei Standard Time", "Asia/Taipei" },
	{ "Tasmania Standard Time", "Australia/Hobart" },
	{ "Tocantins Standard Time", "America/Araguaina" },
	{ "Tokyo Standard Time", "Asia/Tokyo" },
	{ "Tomsk Standard Time", "Asia/Tomsk" },
	{ "Tonga Standard Time", "Pacific/Tongatapu" },
	{ "Transbaikal Standard Time", "Asia/Chita" },
	{ "Turkey Standard Time", "Europe/Istanbul" },
	{ "Turks And Caicos Standard Time", "America/Grand_Turk" },
	{ "Ulaanbaatar Standard Time", "Asia/Ulaanbaatar" },
	{ "US Eastern Standard Time", "America/Indiana/Indianapolis" },
	{ "US Mountain Standard Time", "America/Phoenix" },
	{ "UTC", "Etc/UTC" },
	{ "UTC+12", "Etc/GMT-12" },
	{ "UTC+13", "Etc/GMT-13" },
	{ "UTC-02", "Etc/GMT+2" },
	{ "UTC-08", "Etc/GMT+8" },
	{ "UTC-09", "Etc/GMT+9" },
	{ "UTC-11", "Etc/GMT+11" },
	{ "Venezuela Standard Time", "America/Caracas" },
	{ "Vladivostok Standard Time", "Asia/Vladivostok" },
	{ "Volgograd Standard Time", "Europe/Volgograd" },
	{ "W. Australia Standard Time", "Australia/Perth" },
	{ "W. Central Africa Standard Time", "Africa/Lagos" },
	{ "W. Europe Standard Time", "Europe/Berlin" },
	{ "W. Mongolia Standard Time", "Asia/Hovd" },
	{ "West Asia Standard Time", "Asia/Tashkent" },
	{ "West Bank Standard Time", "Asia/Hebron" },
	{ "West Pacific Standard Time", "Pacific/Port_Moresby" },
	{ "Yakutsk Standard Time", "Asia/Yakutsk" },
	{ "Yukon Standard Time", "America/Whitehorse" },
};

static int
wincmp(const void *key, const void *elem)
{
	const unsigned char *a = key;
	const unsigned char *b = (const unsigned char *)
	    ((const struct winzone *)elem)->win;

	while (*a != '\0' && ev_tolower(*a) == ev_tolower(*b))
		a++, b++;
	return ev_tolower(*a) - ev_tolower(*b);
}

const char *
ev_zone_windows(const char *name)
{
	const struct winzone *w;

	if (name == NULL)
		return NULL;
	w = bsearch(name, winzones, sizeof(winzones) / sizeof(winzones[0]),
	    sizeof(winzones[0]), wincmp);
	return w != NULL ? w->iana : NULL;
}

/*
 * Windows display names, as Outlook Web Access writes them for a TZID
 * ("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"):
 * the text after the "(UTC+hh:mm) " prefix, from current and older
 * Windows releases (XP wrote "(GMT+hh:mm) ...").  "&" is spelled "and"
 * here and in the name looked up, since both spellings are sent.
 *
 * Sorted by ASCII-lowercased name for bsearch; keep it so.
 */
static const struct winzone windisplay[] = {
	{ "Abu Dhabi, Muscat", "Asia/Dubai" },
	{ "Adelaide", "Australia/Adelaide" },
	{ "Alaska", "America/Anchorage" },
	{ "Aleutian Islands", "America/Adak" },
	{ "Almaty, Novosibirsk", "Asia/Almaty" },
	{ "Amman", "Asia/Amman" },
	{ "Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "Europe/Berlin" },
	{ "Anadyr, Petropavlovsk-Kamchatsky", "Asia/Kamchatka" },
	{ "Araguaina", "America/Araguaina" },
	{ "Arizona", "America/Phoenix" },
	{ "Ashgabat, Tashkent", "Asia/Tashkent" },
	{ "Astana", "Asia/Almaty" },
	{ "Astana, Dhaka", "Asia/Dhaka" },
	{ "Astrakhan, Ulyanovsk", "Europe/Astrakhan" },
	{ "Asuncion", "America/Asuncion" },
	{ "Athens, Beirut, Istanbul, Minsk", "Europe/Athens" },
	{ "Athens, Bucharest", "Europe/Bucharest" },
	{ "Athens, Bucharest, Istanbul", "Europe/Bucharest" },
	{ "Athens, Istanbul, Minsk", "Europe/Athens" },
	{ "Atlantic Time (Canada)", "America/Halifax" },
	{ "Auckland, Wellington", "Pacific/Auckland" },
	{ "Azores", "Atlantic/Azores" },
	{ "Baghdad", "Asia/Baghdad" },
	{ "Baja California", "America/Tijuana" },
	{ "Baku", "Asia/Baku" },
	{ "Baku, Tbilisi, Yerevan", "Asia/Baku" },
	{ "Bangkok, Hanoi, Jakarta", "Asia/Bangkok" },
	{ "Barnaul, Gorno-Altaysk", "Asia/Barnaul" },
	{ "Beijing, Chongqing, Hong Kong, Urumqi", "Asia/Shanghai" },
	{ "Beirut", "Asia/Beirut" },
	{ "Belgrade, Bratislava, Budapest, Ljubljana, Prague", "Europe/Budapest" },
	{ "Bogota, Lima, Quito", "America/Bogota" },
	{ "Bogota, Lima, Quito, Rio Branco", "America/Bogota" },
	{ "Bougainville Island", "Pacific/Bougainville" },
	{ "Brasilia", "America/Sao_Paulo" },
	{ "Brisbane", "Australia/Brisbane" },
	{ "Brussels, Copenhagen, Madrid, Paris", "Europe/Paris" },
	{ "Bucharest", "Europe/Bucharest" },
	{ "Buenos Aires", "America/Argentina/Buenos_Aires" },
	{ "Buenos Aires, Georgetown", "America/Argentina/Buenos_Aires" },
	{ "Cabo Verde Is.", "Atlantic/Cape_Verde" },
	{ "Cairo", "Africa/Cairo" },
	{ "Canberra, Melbourne, Sydney", "Australia/Sydney" },
	{ "Cape Verde Is.", "Atlantic/Cape_Verde" },
	{ "Caracas", "America/Caracas" },
	{ "Caracas, La Paz", "America/Caracas" },
	{ "Casablanca", "Africa/Casablanca" },
	{ "Casablanca, Monrovia", "Africa/Casablanca" },
	{ "Casablanca, Monrovia, Reykjavik", "Africa/Casablanca" },
	{ "Caucasus Standard Time", "Asia/Yerevan" },
	{ "Cayenne, Fortaleza", "America/Cayenne" },
	{ "Central America", "America/Guatemala" },
	{ "Central Time (US and Canada)", "America/Chicago" },
	{ "Chatham Islands", "Pacific/Chatham" },
	{ "Chennai, Kolkata, Mumbai, New Delhi", "Asia/Kolkata" },
	{ "Chetumal", "America/Cancun" },
	{ "Chihuahua, La Paz, Mazatlan", "America/Mazatlan" },
	{ "Chisinau", "Europe/Chisinau" },
	{ "Chita", "Asia/Chita" },
	{ "Chokurdakh", "Asia/Srednekolymsk" },
	{ "City of Buenos Aires", "America/Argentina/Buenos_Aires" },
	{ "Coordinated Universal Time", "Etc/UTC" },
	{ "Coordinated Universal Time+12", "Etc/GMT-12" },
	{ "Coordinated Universal Time+13", "Etc/GMT-13" },
	{ "Coordinated Universal Time-02", "Etc/GMT+2" },
	{ "Coordinated Universal Time-08", "Etc/GMT+8" },
	{ "Coordinated Universal Time-09", "Etc/GMT+9" },
	{ "Coordinated Universal Time-11", "Etc/GMT+11" },
	{ "Cuiaba", "America/Cuiaba" },
	{ "Damascus", "Asia/Damascus" },
	{ "Darwin", "Australia/Darwin" },
	{ "Dhaka", "Asia/Dhaka" },
	{ "Dublin, Edinburgh, Lisbon, London", "Europe/London" },
	{ "E. Europe", "Europe/Chisinau" },
	{ "Easter Island", "Pacific/Easter" },
	{ "Eastern Time (US and Canada)", "America/New_York" },
	{ "Ekaterinburg", "Asia/Yekaterinburg" },
	{ "Eucla", "Australia/Eucla" },
	{ "Fiji", "Pacific/Fiji" },
	{ "Fiji, Kamchatka, Marshall Is.", "Pacific/Fiji" },
	{ "Gaza, Hebron", "Asia/Hebron" },
	{ "Georgetown, La Paz, Manaus, San Juan", "America/La_Paz" },
	{ "Georgetown, La Paz, San Juan", "America/La_Paz" },
	{ "Greenland", "America/Nuuk" },
	{ "Greenwich Mean Time : Dublin, Edinburgh, Lisbon, London", "Europe/London" },
	{ "Guadalajara, Mexico City, Monterrey", "America/Mexico_City" },
	{ "Guam, Port Moresby", "Pacific/Port_Moresby" },
	{ "Haiti", "America/Port-au-Prince" },
	{ "Harare, Pretoria", "Africa/Johannesburg" },
	{ "Havana", "America/Havana" },
	{ "Hawaii", "Pacific/Honolulu" },
	{ "Helsinki, Kiev, Riga, Sofia, Tallinn, Vilnius", "Europe/Kyiv" },
	{ "Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius", "Europe/Kyiv" },
	{ "Hobart", "Australia/Hobart" },
	{ "Hovd", "Asia/Hovd" },
	{ "Indiana (East)", "America/Indiana/Indianapolis" },
	{ "International Date Line West", "Etc/GMT+12" },
	{ "Irkutsk", "Asia/Irkutsk" },
	{ "Irkutsk, Ulaan Bataar", "Asia/Irkutsk" },
	{ "Islamabad, Karachi", "Asia/Karachi" },
	{ "Islamabad, Karachi, Tashkent", "Asia/Karachi" },
	{ "Istanbul", "Europe/Istanbul" },
	{ "Izhevsk, Samara", "Europe/Samara" },
	{ "Jerusalem", "Asia/Jerusalem" },
	{ "Juba", "Africa/Juba" },
	{ "Kabul", "Asia/Kabul" },
	{ "Kaliningrad", "Europe/Kaliningrad" },
	{ "Kaliningrad, Minsk", "Europe/Kaliningrad" },
	{ "Kathmandu", "Asia/Kathmandu" },
	{ "Khartoum", "Africa/Khartoum" },
	{ "Kiritimati Island", "Pacific/Kiritimati" },
	{ "Krasnoyarsk", "Asia/Krasnoyarsk" },
	{ "Kuala Lumpur, Singapore", "Asia/Singapore" },
	{ "Kuwait, Riyadh", "Asia/Riyadh" },
	{ "La Paz, Mazatlan", "America/Mazatlan" },
	{ "Lord Howe Island", "Australia/Lord_Howe" },
	{ "Magadan", "Asia/Magadan" },
	{ "Magadan, Solomon Is., New Caledonia", "Asia/Magadan" },
	{ "Manaus", "America/Manaus" },
	{ "Marquesas Islands", "Pacific/Marquesas" },
	{ "Mid-Atlantic", "Etc/GMT+2" },
	{ "Mid-Atlantic - Old", "Etc/GMT+2" },
	{ "Midway Island, Samoa", "Pacific/Pago_Pago" },
	{ "Minsk", "Europe/Minsk" },
	{ "Monrovia, Reykjavik", "Atlantic/Reykjavik" },
	{ "Montevideo", "America/Montevideo" },
	{ "Moscow, St. Petersburg", "Europe/Moscow" },
	{ "Moscow, St. Petersburg, Volgograd", "Europe/Moscow" },
	{ "Mountain Time (US and Canada)", "America/Denver" },
	{ "Nairobi", "Africa/Nairobi" },
	{ "Newfoundland", "America/St_Johns" },
	{ "Norfolk Island", "Pacific/Norfolk" },
	{ "Novosibirsk", "Asia/Novosibirsk" },
	{ "Nuku'alofa", "Pacific/Tongatapu" },
	{ "Omsk", "Asia/Omsk" },
	{ "Osaka, Sapporo, Tokyo", "Asia/Tokyo" },
	{ "Pacific Time (US and Canada)", "America/Los_Angeles" },
	{ "Pacific Time (US and Canada); Tijuana", "America/Los_Angeles" },
	{ "Perth", "Australia/Perth" },
	{ "Petropavlovsk-Kamchatsky - Old", "Asia/Kamchatka" },
	{ "Port Louis", "Indian/Mauritius" },
	{ "Punta Arenas", "America/Punta_Arenas" },
	{ "Pyongyang", "Asia/Pyongyang" },
	{ "Qyzylorda", "Asia/Qyzylorda" },
	{ "Rangoon", "Asia/Yangon" },
	{ "Saint Pierre and Miquelon", "America/Miquelon" },
	{ "Sakhalin", "Asia/Sakhalin" },
	{ "Salvador", "America/Bahia" },
	{ "Samoa", "Pacific/Apia" },
	{ "Santiago", "America/Santiago" },
	{ "Sao Tome", "Africa/Sao_Tome" },
	{ "Sarajevo, Skopje, Warsaw, Zagreb", "Europe/Warsaw" },
	{ "Saratov", "Europe/Saratov" },
	{ "Saskatchewan", "America/Regina" },
	{ "Seoul", "Asia/Seoul" },
	{ "Solomon Is., New Caledonia", "Pacific/Guadalcanal" },
	{ "Sri Jayawardenepura", "Asia/Colombo" },
	{ "Taipei", "Asia/Taipei" },
	{ "Tbilisi", "Asia/Tbilisi" },
	{ "Tehran", "Asia/Tehran" },
	{ "Tijuana, Baja California", "America/Tijuana" },
	{ "Tomsk", "Asia/Tomsk" },
	{ "Tripoli", "Africa/Tripoli" },
	{ "Turks and Caicos", "America/Grand_Turk" },
	{ "Ulaanbaatar", "Asia/Ulaanbaatar" },
	{ "Vladivostok", "Asia/Vladivostok" },
	{ "Volgograd", "Europe/Volgograd" },
	{ "West Central Africa", "Africa/Lagos" },
	{ "Windhoek", "Africa/Windhoek" },
	{ "Yakutsk", "Asia/Yakutsk" },
	{ "Yangon (Rangoon)", "Asia/Yangon" },
	{ "Yerevan", "Asia/Yerevan" },
	{ "Yukon", "America/Whitehorse" },
};

/* name past a "(UTC+hh:mm) " or "(GMT) " prefix. */
static const char *
past_prefix(const char *name)
{
	const char *p;

	if (name[0] != '(' || !(ev_strncaseeq(name + 1, "UTC", 3) ||
	    ev_strncaseeq(name + 1, "GMT", 3)) ||
	    (p = strchr(name, ')')) == NULL)
		return name;
	for (p++; *p == ' ' || *p == '\t'; p++)
		;
	return p;
}

/* name as the display table spells it, trimmed and with "&" as "and",
 * into buf; 0 when it does not fit. */
static int
canonical(const char *name, char *buf, size_t size)
{
	size_t n = 0, len;

	for (; *name != '\0'; name++) {
		if (n + 4 >= size)
			return 0;
		if (*name == '&') {
			memcpy(buf + n, "and", 3);
			n += 3;
		} else
			buf[n++] = *name;
	}
	for (len = n; len > 0 && (buf[len - 1] == ' ' || buf[len - 1] == '\t');
	    len--)
		;
	buf[len] = '\0';
	return len > 0;
}

/* 1 when city is one of the comma-separated names of list. */
static int
has_city(const char *list, const char *city, size_t n)
{
	size_t k;

	while (*list != '\0') {
		k = strcspn(list, ",");
		if (k == n && ev_strncaseeq(list, city, n))
			return 1;
		list += k;
		while (*list == ',' || *list == ' ')
			list++;
	}
	return 0;
}

/* The zone of the first city of name that a display name lists. */
static const char *
by_city(const char *name)
{
	const char *c = name;
	size_t n, i;

	while (*c != '\0') {
		while (*c == ' ' || *c == ',')
			c++;
		n = strcspn(c, ",");
		while (n > 0 && c[n - 1] == ' ')
			n--;
		for (i = 0; n > 0 && i < sizeof(windisplay) /
		    sizeof(windisplay[0]); i++)
			if (has_city(windisplay[i].win, c, n))
				return windisplay[i].iana;
		c += strcspn(c, ",");
	}
	return NULL;
}

const char *
ev_zone_windows_display(const char *name, int *guess)
{
	const struct winzone *w;
	char buf[160];

	*guess = 0;
	if (name == NULL || !canonical(past_prefix(name), buf, sizeof(buf)))
		return NULL;
	w = bsearch(buf, windisplay, sizeof(windisplay) /
	    sizeof(windisplay[0]), sizeof(windisplay[0]), wincmp);
	if (w != NULL)
		return w->iana;
	*guess = 1;
	return by_city(buf);
}
