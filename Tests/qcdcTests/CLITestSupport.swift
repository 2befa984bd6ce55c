@_exported import QCDCTestSupport
