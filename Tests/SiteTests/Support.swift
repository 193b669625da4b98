import Diagnostics
@_exported import SiteFixtures

typealias SourceLocation = Diagnostics.SourceLocation
